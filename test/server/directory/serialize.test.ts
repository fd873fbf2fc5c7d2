import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { shortSummary } from "../../../server/directory/serialize.ts";

describe("directory: shortSummary", () => {
  it("keeps summaries of up to 100 characters as they are", () => {
    assert.equal(shortSummary("Delivered on time and within budget."), "Delivered on time and within budget.");
    const exactly100 = "a".repeat(100);
    assert.equal(shortSummary(exactly100), exactly100);
  });

  it("cuts longer ones on a word boundary, with an ellipsis, to at most 100 characters", () => {
    const words = "alpha beta gamma delta epsilon ".repeat(6).trim();
    const cut = shortSummary(words);
    assert.ok(cut.length <= 100);
    assert.ok(cut.endsWith("…"));
    assert.ok(words.startsWith(cut.slice(0, -1)));
    assert.match(words.slice(cut.length - 1), /^ /);
    assert.equal(cut, "alpha beta gamma delta epsilon alpha beta gamma delta epsilon alpha beta gamma delta epsilon alpha…");
  });

  it("drops trailing punctuation before the ellipsis, and hard-cuts one long word", () => {
    const sentence = `${"word ".repeat(18)}end, and then more text follows here`;
    assert.ok(!shortSummary(sentence).includes(",…"));
    const oneWord = "x".repeat(150);
    assert.equal(shortSummary(oneWord), `${"x".repeat(99)}…`);
  });

  it("counts code points, never splitting an emoji", () => {
    const emoji = "😀".repeat(120);
    const cut = shortSummary(emoji);
    assert.equal(Array.from(cut).length, 100);
    assert.ok(!cut.includes("\uFFFD"));
  });
});
