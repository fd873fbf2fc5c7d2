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
