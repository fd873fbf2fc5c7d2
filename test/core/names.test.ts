import { expect } from "@open-wc/testing";
import { publicAuthorName } from "../../src/core/names.js";

describe("publicAuthorName", () => {
  it("shows a first name and the initial of the last name, never more", () => {
    expect(publicAuthorName("Jane", "Doe")).to.equal("Jane D.");
    expect(publicAuthorName("Maria Lopez Garcia")).to.equal("Maria L.");
    expect(publicAuthorName("Jean-Luc", "Émile")).to.equal("Jean-Luc É.");
    expect(publicAuthorName("Ana Maria", "Souza")).to.equal("Ana S.");
  });

  it("copes with missing parts", () => {
    expect(publicAuthorName("Prince")).to.equal("Prince");
    expect(publicAuthorName("", "doe")).to.equal("D.");
    expect(publicAuthorName(null)).to.equal("");
    expect(publicAuthorName("  ", "  ")).to.equal("");
  });

  it("takes a whole character for the initial, even outside the BMP", () => {
    expect(publicAuthorName("Zoë", "𝒳avier")).to.equal("Zoë 𝒳.");
  });
});

describe("publicAuthorName with hostile characters", () => {
  it("drops bidi controls, so they cannot reorder the label or become the initial", () => {
    expect(publicAuthorName("Jane", "\u202EDoe")).to.equal("Jane D.");
    expect(publicAuthorName("\u202Egnp.exe Maria")).to.equal("gnp.exe M.");
    expect(publicAuthorName("\u2067Jane\u2069", "\u2066\u200FDoe")).to.equal("Jane D.");
  });

  it("takes the first visible character for the initial", () => {
    expect(publicAuthorName("Jane", "\u200B\u00ADdoe")).to.equal("Jane D.");
    expect(publicAuthorName("Jane", "\u0000\u0301doe")).to.equal("Jane D.");
    expect(publicAuthorName("Jane", "\u200B\u202E")).to.equal("Jane");
    expect(publicAuthorName("\u200B", "\u202E")).to.equal("");
  });

  it("keeps the joiners that spell names", () => {
    expect(publicAuthorName("\u0645\u200C\u0631\u06CC\u0645")).to.equal("\u0645\u200C\u0631\u06CC\u0645");
  });
});
