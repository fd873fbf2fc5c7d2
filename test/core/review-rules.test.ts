import { expect } from "@open-wc/testing";
import { draftProblems, writerProblems } from "../../src/core/review-rules.js";

const draft = { rating: 4, text: "A lovely loft with a terrace.", title: "", firstName: "", lastName: "", email: "", company: "" };
const rules = { min: 20, max: 2000 };

describe("the rules a review draft follows", () => {
  it("asks for a rating and a text of min to max characters as people see them", () => {
    expect(draftProblems(draft, rules)).to.deep.equal({});
    expect(draftProblems({ ...draft, rating: 0 }, rules)).to.deep.equal({ rating: ["ratingRequired"] });
    expect(draftProblems({ ...draft, text: "Too short" }, rules)).to.deep.equal({ text: ["textTooShort", { count: 20 }] });
    expect(draftProblems({ ...draft, text: "x".repeat(2001) }, rules)).to.deep.equal({ text: ["textTooLong", { max: 2000 }] });
    // 20 emoji families are 20 characters to a reader (and 100 code points).
    expect(draftProblems({ ...draft, text: "👨‍👩‍👧".repeat(20) }, rules)).to.deep.equal({});
    expect(draftProblems({ ...draft, text: "\u200b\u200b\u200b".repeat(10) }, rules)).to.deep.equal({ text: ["textInvisible"] });
  });

  it("asks anonymous submitters who writes: names and a valid email required, title and company optional", () => {
    expect(writerProblems(draft)).to.deep.equal({ firstName: ["fieldRequired"], lastName: ["fieldRequired"], email: ["fieldRequired"] });
    const named = { ...draft, firstName: "Jane", lastName: "Doe", email: "jane@example.com" };
    expect(writerProblems(named)).to.deep.equal({});
    expect(writerProblems({ ...named, email: "jane@" })).to.deep.equal({ email: ["emailInvalid"] });
    expect(writerProblems({ ...named, company: "c".repeat(121) })).to.deep.equal({ company: ["fieldTooLong", { max: 120 }] });
  });
});
