import { expect, fixture, html } from "@open-wc/testing";
import { waitUntil } from "../support/browser/wait.js";
import { RatingSummary } from "../../src/components/rating-summary/rating-summary.js";
import { configure, resetConfig } from "../../src/core/config.js";
import { ApiError } from "../../src/core/errors.js";
import { addMessages, translator } from "../../src/core/i18n/index.js";
import ar from "../../src/core/i18n/ar.js";
import de from "../../src/core/i18n/de.js";
import es from "../../src/core/i18n/es.js";
import { errorText } from "../../src/internal/states.js";
import { faultScript } from "../support/browser/backend.js";
import { freshServices } from "../support/browser/dom.js";
import { envelope } from "../support/wire.js";

RatingSummary.define();

describe("languages", () => {
  before(() => {
    // The catalogs as the loader would register them.
    addMessages("es", es, false);
    addMessages("de", de, false);
    addMessages("ar", ar, false);
  });
  afterEach(() => resetConfig());

  it("pluralises with each language's own rules", () => {
    const count = (lang: string, n: number) => translator(lang).t("reviewCount", { count: n });
    expect([0, 1, 2, 5].map((n) => count("en", n))).to.deep.equal(["0 reviews", "1 review", "2 reviews", "5 reviews"]);
    expect([1, 2].map((n) => count("es", n))).to.deep.equal(["1 reseña", "2 reseñas"]);
    expect([1, 24].map((n) => count("de", n))).to.deep.equal(["1 Bewertung", "24 Bewertungen"]);
    expect([0, 1, 2, 3, 11, 100].map((n) => count("ar", n))).to.deep.equal([
      "لا توجد مراجعات",
      "مراجعة واحدة",
      "مراجعتان",
      "3 مراجعات",
      "11 مراجعة",
      "100 مراجعة",
    ]);
  });

  it("formats numbers and directions per locale", () => {
    expect(translator("de").decimal(4.27)).to.equal("4,3");
    expect(translator("en").decimal(4.27)).to.equal("4.3");
    expect(translator("ar").dir).to.equal("rtl");
    expect(translator("es-MX").t("noReviews")).to.equal("Aún no hay reseñas.");
  });

  it("lets a site override a string and add a language through configure", async () => {
    freshServices();
    const server = await faultScript({ json: envelope("reviewAggregates", []) });
    configure({ messages: { en: { noReviews: "Be the first to review this place." }, fr: { noReviews: "Pas encore d'avis." } } });
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <rating-summary api-base=${server.base} reviewee-id="none"></rating-summary>
      <section lang="fr"><rating-summary api-base=${server.base} reviewee-id="none"></rating-summary></section>
    </div>`);
    const [en, fr] = [...wrapper.querySelectorAll("rating-summary")];
    await waitUntil(() => en!.shadowRoot!.querySelector('[part~="empty"]') && fr!.shadowRoot!.querySelector('[part~="empty"]'));
    expect(en!.shadowRoot!.querySelector('[part~="empty"]')!.textContent).to.equal("Be the first to review this place.");
    expect(fr!.shadowRoot!.querySelector('[part~="empty"]')!.textContent).to.equal("Pas encore d'avis.");
    // Untranslated keys fall back to English.
    expect(translator("fr").t("retry")).to.equal("Try again");
  });

  it("follows lang and dir set on the element after it rendered", async () => {
    freshServices();
    addMessages("de", de);
    addMessages("ar", ar);
    const server = await faultScript({ json: envelope("reviewAggregates", []) });
    const el = await fixture<RatingSummary>(html`<rating-summary api-base=${server.base} reviewee-id="none"></rating-summary>`);
    const empty = () => el.shadowRoot!.querySelector('[part~="empty"]')?.textContent ?? "";
    const root = () => el.shadowRoot!.querySelector<HTMLElement>(".root")!;
    await waitUntil(() => empty() !== "", "no empty state");
    const english = empty();
    el.lang = "de";
    await waitUntil(() => root().lang === "de" && empty() !== english, "lang=de was not followed");
    expect(empty()).to.equal(de.noReviews);
    el.setAttribute("lang", "ar");
    await waitUntil(() => root().dir === "rtl", "lang=ar did not turn the element right to left");
    el.dir = "ltr";
    await waitUntil(() => root().dir === "ltr", "dir=ltr was not followed");
  });

  it("shows a language with none of its strings at hand wholly in English: numbers, dates and direction too", () => {
    // Hebrew has no catalog and no overrides here: not "4,3" with English words, not right to left.
    const he = translator("he");
    expect(he.lang).to.equal("en");
    expect(he.dir).to.equal("ltr");
    expect(he.decimal(4.27)).to.equal("4.3");
    expect(he.t("reviewCount", { count: 2 })).to.equal("2 reviews");
  });
});

describe("error copy", () => {
  const onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, "onLine")!;
  afterEach(() => Object.defineProperty(Navigator.prototype, "onLine", onLine));
  const offline = (value: boolean) => Object.defineProperty(Navigator.prototype, "onLine", { configurable: true, get: () => !value });

  it("says a network failure is the visitor's connection only when the browser is offline", () => {
    const i18n = translator("en");
    const failure = new ApiError("network");
    offline(false);
    expect(errorText(i18n, failure)).to.equal("The review service isn't answering right now. Please try again in a moment.");
    offline(true);
    expect(errorText(i18n, failure)).to.equal("You're offline. Reviews will load when you're back online.");
  });
});
