import { expect, fixture, html } from "@open-wc/testing";
import { waitUntil } from "../support/browser/wait.js";
import { RatingSummary } from "../../src/components/rating-summary/rating-summary.js";
import { ReviewForm } from "../../src/components/review-form/review-form.js";
import { StarRating } from "../../src/components/star-rating/star-rating.js";

describe("defining the tags", () => {
  it("defines a renamed tag after the default one is registered", async () => {
    RatingSummary.define();
    RatingSummary.define("shop-rating-summary");
    RatingSummary.define("shop-rating-summary"); // again: a quiet no-op
    const renamed = customElements.get("shop-rating-summary")!;
    expect(renamed).to.exist;
    expect(new renamed()).to.be.instanceOf(RatingSummary);
  });

  it("registers <star-rating> for <review-form> in the registry the form is given", () => {
    const registry = new CustomElementRegistry();
    ReviewForm.define("review-form", registry);
    expect(registry.get("review-form")).to.exist;
    expect(registry.get("star-rating")).to.exist;
    StarRating.define();
  });

  it("moves a token attribute (a framework rendered before the tag was defined) into the property, out of the DOM, with a warning", async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (text: string) => void warnings.push(text);
    try {
      const wrapper = await fixture<HTMLDivElement>(html`<div><late-summary token="secret-token" reviewee-id="x"></late-summary></div>`);
      class LateSummary extends RatingSummary {}
      customElements.define("late-summary", LateSummary);
      const el = wrapper.querySelector("late-summary") as RatingSummary;
      await waitUntil(() => !el.hasAttribute("token"), "the token attribute stayed");
      expect(el.token).to.equal("secret-token");
      expect(wrapper.innerHTML).not.to.contain("secret-token");
      expect(warnings.filter((text) => text.includes("token attribute"))).to.have.length(1);
    } finally {
      console.warn = warn;
    }
  });
});
