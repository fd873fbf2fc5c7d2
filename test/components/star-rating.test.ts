import { expect, fixture, html, oneEvent } from "@open-wc/testing";
import { StarRating } from "../../src/components/star-rating/star-rating.js";
import de from "../../src/core/i18n/de.js";
import { addMessages } from "../../src/core/i18n/index.js";

StarRating.define();

const stars = (el: StarRating) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="star"]')];
const group = (el: StarRating) => el.shadowRoot!.querySelector<HTMLElement>('[part~="stars"]')!;
/**
 * Which layer of star `index` (counted in reading order) is painted at `across`
 * (0..1 from that star's visual left edge), on its middle line: a hit test of what is on screen.
 */
function paintedAt(el: StarRating, index: number, across: number): "fill" | "empty" | "none" {
  const row = el.shadowRoot!.querySelector("svg.stars")!;
  const box = row.getBoundingClientRect();
  const total = Number(row.getAttribute("viewBox")!.split(" ")[2]);
  const mirrored = getComputedStyle(row).transform !== "none";
  const [start, end] = [(index * 26) / total, (index * 26 + 24) / total];
  const left = mirrored ? 1 - end : start;
  const hit = el.shadowRoot!.elementFromPoint(box.left + box.width * (left + (end - start) * across), box.top + box.height * 0.5);
  return hit?.closest("svg.on") ? "fill" : hit?.closest(".off") ? "empty" : "none";
}
const checked = (el: StarRating) => stars(el).findIndex((s) => s.getAttribute("aria-checked") === "true") + 1;

async function press(el: StarRating, key: string): Promise<void> {
  const focused = el.shadowRoot!.activeElement as HTMLElement;
  focused.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, composed: true }));
  await el.updateComplete;
  await el.updateComplete;
}

describe("<star-rating> display", () => {
  it("is accessible", async () => {
    const el = await fixture<StarRating>(html`<star-rating value="4.3"></star-rating>`);
    await expect(el).to.be.accessible();
  });

  it("says the rating in words and fills 0.3 of the fifth star for 4.3", async () => {
    const el = await fixture<StarRating>(html`<star-rating value="4.3"></star-rating>`);
    expect(group(el).getAttribute("role")).to.equal("img");
    expect(group(el).getAttribute("aria-label")).to.equal("Rated 4.3 out of 5");
    // One svg: the filled layer is clipped at four stars and 0.3 of the fifth (4 × 26 + 0.3 × 24 units).
    expect(el.shadowRoot!.querySelector("svg.on")!.getAttribute("width")).to.equal("111.2");
    expect(stars(el)).to.have.length(0);
    // What is painted: within the fifth star, the left 30% is the filled shape, the rest the outline.
    expect(paintedAt(el, 4, 0.25)).to.equal("fill");
    expect(paintedAt(el, 4, 0.6)).to.equal("empty");
    expect(paintedAt(el, 3, 0.6)).to.equal("fill");
  });

  it("clamps nonsense values instead of drawing them", async () => {
    const el = await fixture<StarRating>(html`<star-rating value="17"></star-rating>`);
    expect(group(el).getAttribute("aria-label")).to.equal("Rated 5.0 out of 5");
    el.value = Number.NaN;
    await el.updateComplete;
    expect(group(el).getAttribute("aria-label")).to.equal("Rated 0.0 out of 5");
  });

  it("fills from the right in right-to-left text", async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div dir="rtl"><star-rating value="0.5"></star-rating></div>`);
    const el = wrapper.querySelector("star-rating")!;
    await el.updateComplete;
    expect(paintedAt(el, 0, 0.75)).to.equal("fill");
    expect(paintedAt(el, 0, 0.3)).to.equal("empty");
  });
});

describe("<star-rating mode=input>", () => {
  it("is accessible, empty, chosen and invalid", async () => {
    const el = await fixture<StarRating>(html`<star-rating mode="input" required></star-rating>`);
    await expect(el).to.be.accessible();
    el.invalid = true;
    await el.updateComplete;
    await expect(el).to.be.accessible();
    el.value = 3;
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it("is a radio group with one tab stop", async () => {
    const el = await fixture<StarRating>(html`<star-rating mode="input" value="2"></star-rating>`);
    expect(group(el).getAttribute("role")).to.equal("radiogroup");
    expect(group(el).getAttribute("aria-label")).to.equal("Rating");
    expect(stars(el).map((s) => s.tabIndex)).to.deep.equal([-1, 0, -1, -1, -1]);
    expect(stars(el).map((s) => s.getAttribute("aria-label"))).to.deep.equal([
      "1 star, Terrible",
      "2 stars, Poor",
      "3 stars, Average",
      "4 stars, Very good",
      "5 stars, Excellent",
    ]);
  });

  it("has targets of at least 44 by 44 px and shows the chosen rating in words, localised", async () => {
    const el = await fixture<StarRating>(html`<star-rating mode="input" value="5"></star-rating>`);
    for (const star of stars(el)) {
      const box = star.getBoundingClientRect();
      expect(Math.min(box.width, box.height)).to.be.at.least(44);
    }
    const word = () => el.shadowRoot!.querySelector('[part~="rating-word"]')!.textContent;
    expect(word()).to.equal("Excellent");
    stars(el)[1]!.click();
    await el.updateComplete;
    expect(word()).to.equal("Poor");
    addMessages("de", de);
    const german = await fixture<HTMLElement>(html`<div lang="de"><star-rating mode="input" value="4"></star-rating></div>`);
    const inner = german.querySelector("star-rating")!;
    await inner.updateComplete;
    expect(inner.shadowRoot!.querySelector('[part~="rating-word"]')!.textContent).to.equal("Sehr gut");
    expect(stars(inner)[3]!.getAttribute("aria-label")).to.equal("4 Sterne, Sehr gut");
    await expect(el).to.be.accessible();
  });

  it("moves and checks with arrow keys, Home and End, firing change", async () => {
    const el = await fixture<StarRating>(html`<star-rating mode="input"></star-rating>`);
    el.focus();
    expect(el.shadowRoot!.activeElement).to.equal(stars(el)[0]);
    await press(el, " ");
    expect(checked(el)).to.equal(1);
    setTimeout(() => void press(el, "ArrowRight"));
    await oneEvent(el, "change");
    expect(el.value).to.equal(2);
    await press(el, "ArrowUp");
    expect(checked(el)).to.equal(3);
    await press(el, "End");
    expect(checked(el)).to.equal(5);
    await press(el, "ArrowRight");
    expect(checked(el)).to.equal(5);
    await press(el, "ArrowDown");
    expect(checked(el)).to.equal(4);
    await press(el, "Home");
    expect(checked(el)).to.equal(1);
    expect(el.shadowRoot!.activeElement).to.equal(stars(el)[0]);
  });

  it("mirrors left and right in right-to-left text", async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div dir="rtl"><star-rating mode="input" value="3"></star-rating></div>`);
    const el = wrapper.querySelector("star-rating")!;
    el.focus();
    await press(el, "ArrowLeft");
    expect(el.value).to.equal(4);
    await press(el, "ArrowRight");
    await press(el, "ArrowRight");
    expect(el.value).to.equal(2);
  });

  it("chooses with a click and gives targets of at least 24×24 px", async () => {
    const el = await fixture<StarRating>(html`<star-rating mode="input"></star-rating>`);
    stars(el)[3]!.click();
    await el.updateComplete;
    expect(el.value).to.equal(4);
    for (const star of stars(el)) {
      const box = star.getBoundingClientRect();
      expect(box.width).to.be.at.least(24);
      expect(box.height).to.be.at.least(24);
    }
  });

  it("works inside a native form: value, required validity and reset", async () => {
    const form = await fixture<HTMLFormElement>(html`<form><star-rating mode="input" name="rating" required></star-rating></form>`);
    const el = form.querySelector("star-rating")!;
    await el.updateComplete;
    expect(form.checkValidity()).to.equal(false);
    expect(el.validity?.valueMissing).to.equal(true);
    el.value = 5;
    await el.updateComplete;
    expect(form.checkValidity()).to.equal(true);
    expect(new FormData(form).get("rating")).to.equal("5");
    form.reset();
    await el.updateComplete;
    expect(el.value).to.equal(0);
    expect(new FormData(form).get("rating")).to.equal(null);
  });

  it("ignores input while disabled", async () => {
    const el = await fixture<StarRating>(html`<star-rating mode="input" disabled></star-rating>`);
    stars(el)[2]!.click();
    await el.updateComplete;
    expect(el.value).to.equal(0);
    expect(stars(el).every((s) => s.tabIndex === -1)).to.equal(true);
  });
});
