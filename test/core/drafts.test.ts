import { expect } from "@open-wc/testing";
import { clearDraft, draftKey, loadDraft, saveDraft, submissionId } from "../../src/core/drafts.js";

const key = draftKey(["partnerpage", "demo-directory", "entry-1", "partner", "entry-1"]);

describe("drafts", () => {
  beforeEach(() => localStorage.clear());
  after(() => localStorage.clear());

  it("keeps a draft and drops one that says nothing", () => {
    saveDraft(key, { rating: 4, text: "Half a thought", email: "jane@example.com" });
    expect(loadDraft(key)).to.deep.equal({ rating: 4, text: "Half a thought", email: "jane@example.com" });
    saveDraft(key, { rating: 0, text: "", title: "" });
    expect(loadDraft(key)).to.equal(null);
  });

  it("reads back only well-formed fields from tampered storage", () => {
    localStorage.setItem(key, JSON.stringify({ rating: 9, text: 42, title: "Kept", extra: "<img src=x onerror=alert(1)>" }));
    expect(loadDraft(key)).to.deep.equal({ rating: 0, text: "", title: "Kept" });
    localStorage.setItem(key, "{not json");
    expect(loadDraft(key)).to.equal(null);
  });

  it("gives one submission id per content, until the content changes or is sent", () => {
    saveDraft(key, { rating: 5, text: "All good" });
    const first = submissionId(key);
    expect(first).to.match(/^[0-9a-f]{32}$/);
    expect(submissionId(key), "asked again, e.g. after a reload").to.equal(first);

    saveDraft(key, { rating: 5, text: "All good, edited" });
    const second = submissionId(key);
    expect(second).to.match(/^[0-9a-f]{32}$/).and.not.equal(first);

    clearDraft(key);
    expect(Object.keys(localStorage)).to.deep.equal([]);
    expect(submissionId(key)).to.not.equal(second);
  });

  it("replaces a malformed stored submission id instead of sending it", () => {
    localStorage.setItem(`${key}#submission`, "bad id\r\nX-Injected: 1");
    expect(submissionId(key)).to.match(/^[0-9a-f]{32}$/);
  });
});
