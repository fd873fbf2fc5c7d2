import { expect } from "@open-wc/testing";
import { clearDraft, DRAFT_MAX_AGE_MS, draftKey, forgetPersonalDetails, loadDraft, saveDraft, submissionId } from "../../src/core/drafts.js";

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
    expect(second)
      .to.match(/^[0-9a-f]{32}$/)
      .and.not.equal(first);

    clearDraft(key);
    expect(Object.keys(localStorage)).to.deep.equal([]);
    expect(submissionId(key)).to.not.equal(second);
  });

  it("replaces a malformed stored submission id instead of sending it", () => {
    localStorage.setItem(`${key}#submission`, "bad id\r\nX-Injected: 1");
    expect(submissionId(key)).to.match(/^[0-9a-f]{32}$/);
  });

  it("drops a draft a week after it was last written", () => {
    const t0 = Date.UTC(2026, 10, 1);
    saveDraft(key, { rating: 3, text: "Half a thought" }, null, t0);
    expect(loadDraft(key, null, t0 + DRAFT_MAX_AGE_MS - 1)).to.deep.equal({ rating: 3, text: "Half a thought" });
    saveDraft(key, { rating: 3, text: "Half a thought, edited" }, null, t0 + DRAFT_MAX_AGE_MS - 1);
    expect(loadDraft(key, null, t0 + DRAFT_MAX_AGE_MS + 1), "writing again starts the week over").to.deep.equal({ rating: 3, text: "Half a thought, edited" });
    expect(loadDraft(key, null, t0 + 2 * DRAFT_MAX_AGE_MS)).to.equal(null);
    expect(Object.keys(localStorage), "the expired draft is gone from storage").to.deep.equal([]);
    expect(DRAFT_MAX_AGE_MS).to.equal(7 * 24 * 3600 * 1000);
  });

  it("dates a draft kept before drafts carried a time from its first read, and drops a time far in the future", () => {
    const now = Date.UTC(2026, 10, 1);
    localStorage.setItem(key, JSON.stringify({ rating: 2, text: "From an older version" }));
    expect(loadDraft(key, null, now)).to.deep.equal({ rating: 2, text: "From an older version" });
    expect(loadDraft(key, null, now + DRAFT_MAX_AGE_MS + 1)).to.equal(null);
    localStorage.setItem(key, JSON.stringify({ rating: 2, text: "Tampered", savedAt: 8.64e15 }));
    expect(loadDraft(key, null, now)).to.equal(null);
  });

  it("gives a signed-in viewer's draft back to that viewer only", () => {
    saveDraft(key, { rating: 5, text: "Jane's unsent review" }, "user-jane");
    expect(loadDraft(key, "user-jane")).to.deep.equal({ rating: 5, text: "Jane's unsent review" });
    expect(loadDraft(key, "user-omar"), "another viewer").to.equal(null);
    expect(loadDraft(key, null), "nobody signed in").to.equal(null);
  });

  it("keeps a draft written signed out with the browser: whoever signs in next may finish it", () => {
    saveDraft(key, { rating: 4, text: "Written before signing in" });
    expect(loadDraft(key, null)).to.deep.equal({ rating: 4, text: "Written before signing in" });
    expect(loadDraft(key, "user-jane")).to.deep.equal({ rating: 4, text: "Written before signing in" });
  });

  it("forgets names and email in every kept draft once a review was sent, and keeps the rest", () => {
    const other = draftKey(["partnerpage", "demo-directory", "entry-2", "partner", "entry-2"]);
    saveDraft(key, { rating: 4, text: "Sent one", firstName: "Jane", lastName: "Doe", email: "jane@example.com" });
    saveDraft(other, { rating: 2, text: "Another, unsent", firstName: "Jane", lastName: "Doe", email: "jane@example.com", company: "Acme" });
    localStorage.setItem(`${key}-broken`, "{not json");
    clearDraft(key);
    forgetPersonalDetails();
    expect(loadDraft(other)).to.deep.equal({ rating: 2, text: "Another, unsent", company: "Acme" });
    const kept = JSON.stringify({ ...localStorage });
    for (const personal of ["jane@example.com", "Jane", "Doe"]) expect(kept).not.to.contain(personal);
  });
});
