import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { e2e, settled } from "../support/node/e2e.ts";

/**
 * A host page whose stylesheet attacks everything it can reach: inherited
 * text properties, universal selectors, element selectors, and !important.
 * The widgets' own layout must hold: readable text, stars in a row, cards
 * with their padding, nothing collapsed or overflowing.
 */
const { open } = e2e();
const LISTING = "20000000-0000-4000-8000-000000000001";

const HOSTILE = `
  * { box-sizing: content-box !important; margin: 7px !important; letter-spacing: 0.6em; word-spacing: 2em; }
  html, body { line-height: 0; white-space: nowrap; text-transform: uppercase; text-align: justify; font-size: 0; text-indent: -999px; }
  div, p, span, ul, li, article, button, svg, select, textarea { display: inline !important; float: right !important; width: 3px !important; }
  svg { width: 900px !important; height: 900px !important; }
  button { visibility: hidden; }
  [part] { display: none !important; }
  body { direction: rtl; cursor: none; font-style: italic; font-weight: 900; color: transparent; }
`;

describe("a hostile host stylesheet", () => {
  it("cannot break the widgets' layout", async () => {
    const base = await open("/languages.html");
    await base.route("**/hostile.html", (route) =>
      route.fulfill({
        contentType: "text/html",
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>hostile</title><style>${HOSTILE}</style>
          <script src="/dist/review-widgets.js" data-api-base="/reviewsystem-api" defer></script></head>
          <body><main style="display:block !important; width: 720px !important; float: none !important">
          <rating-summary reviewee-id="${LISTING}" show-distribution style="display:block !important; width: 700px !important; float: none !important"></rating-summary>
          <review-list reviewee-id="${LISTING}" page-size="3" style="display:block !important; width: 700px !important; float: none !important"></review-list>
          </main></body></html>`,
      }),
    );
    await base.goto(new URL("/hostile.html", base.url()).href);
    await settled(base);
    const layout = await base.evaluate(() => {
      const list = document.querySelector("review-list")!.shadowRoot!;
      const summary = document.querySelector("rating-summary")!.shadowRoot!;
      const card = list.querySelector('[part~="review"]') as HTMLElement;
      const body = list.querySelector('[part~="review-body"]') as HTMLElement;
      const stars = summary.querySelector('[part~="stars"] svg')!.getBoundingClientRect();
      const style = getComputedStyle(body);
      return {
        cardWidth: card.getBoundingClientRect().width,
        bodyHeight: body.getBoundingClientRect().height,
        lineHeight: parseFloat(style.lineHeight),
        fontSize: parseFloat(style.fontSize),
        letterSpacing: style.letterSpacing,
        whiteSpace: style.whiteSpace,
        textTransform: style.textTransform,
        starsHeight: stars.height,
        starsWidth: stars.width,
        showMoreVisible: getComputedStyle(list.querySelector('[part~="show-more"]')!).visibility,
        color: style.color,
      };
    });
    assert.ok(layout.cardWidth > 600, `cards keep their width (${layout.cardWidth})`);
    assert.ok(layout.bodyHeight > 20, "review text keeps its lines");
    assert.ok(layout.fontSize >= 12, "text stays readable");
    assert.ok(layout.lineHeight >= layout.fontSize, "line height is sane");
    assert.equal(layout.letterSpacing, "normal");
    assert.equal(layout.whiteSpace, "pre-line");
    assert.equal(layout.textTransform, "none");
    assert.ok(layout.starsHeight > 12 && layout.starsHeight < 40, `stars keep their size (${layout.starsHeight})`);
    assert.ok(layout.starsWidth > 4 * layout.starsHeight && layout.starsWidth < 6 * layout.starsHeight, "five stars in one row");
    assert.equal(layout.showMoreVisible, "visible");
    assert.deepEqual(base.problems, []);
  });
});
