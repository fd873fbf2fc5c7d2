/**
 * A token given with `configure({ token })` belongs to the origin it was
 * configured for: an element whose `api-base` names another origin gets its
 * data without it, and the console says so once. Checked over real HTTP: the
 * fault server logs each request's Authorization header, and answers CORS so
 * that a leaking client would get its request through.
 */
import { expect, fixture, fixtureCleanup, html } from "@open-wc/testing";
import { waitUntil } from "../support/browser/wait.js";
import { ReviewList } from "../../src/components/review-list/review-list.js";
import { ReviewModeration } from "../../src/components/review-moderation/review-moderation.js";
import { configure, resetConfig } from "../../src/core/config.js";
import { faultScript, type FaultStep } from "../support/browser/backend.js";
import { freshServices } from "../support/browser/dom.js";
import { envelope, wireReview } from "../support/wire.js";

ReviewList.define();
ReviewModeration.define();

/** The same test server under another origin: localhost and 127.0.0.1 are different origins. */
const otherHost = location.hostname === "127.0.0.1" ? "localhost" : "127.0.0.1";
const otherOrigin = `${location.protocol}//${otherHost}:${location.port}`;
const TOKEN = "secret-token-0123456789";

const cors: FaultStep["headers"] = {
  "Access-Control-Allow-Origin": location.origin,
  "Access-Control-Allow-Headers": "Authorization, Content-Type, Accept",
  "Access-Control-Allow-Methods": "GET, POST, PATCH, DELETE",
};
const reviews: FaultStep = { headers: cors, json: envelope("reviews", [wireReview({ reviewText: "Loaded from the other origin." })]) };

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const loaded = (el: Element) => waitUntil(() => part(el, "review") ?? part(el, "error") ?? part(el, "empty"), "did not load", { timeout: 4000 });

let warnings: string[] = [];
let restore: (() => void) | undefined;

describe("credentials are bound to the origin they were configured for", () => {
  beforeEach(() => {
    freshServices();
    warnings = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => {
      const text = args.map(String).join(" ");
      if (text.startsWith("[review-widgets]")) warnings.push(text);
      else warn(...args);
    };
    restore = () => (console.warn = warn);
  });
  afterEach(() => {
    restore?.();
    fixtureCleanup();
    resetConfig();
  });

  it("sends no configured token to another origin, and warns once naming it", async () => {
    configure({ token: TOKEN });
    const server = await faultScript(reviews);
    const lists = await fixture<HTMLElement>(html`<div>
      <review-list api-base=${otherOrigin + server.base} reviewee-id="listing-1"></review-list>
      <review-list api-base=${`//${otherHost}:${location.port}${server.base}`} reviewee-id="listing-1" sort="oldest"></review-list>
    </div>`);
    for (const el of lists.querySelectorAll("review-list")) await loaded(el);
    for (const el of lists.querySelectorAll("review-list")) expect(part(el, "review-body")?.textContent).to.equal("Loaded from the other origin.");
    const log = await server.log();
    expect(log.length, "the lists loaded over the wire").to.be.greaterThan(0);
    expect(log.map((entry) => entry.authorization)).to.deep.equal(log.map(() => null));
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain(otherOrigin).and.not.contain(TOKEN);
  });

  it("sends no configured directory API key to another origin", async () => {
    configure({ token: "demo-admin-key" });
    const server = await faultScript({ headers: cors, json: [] });
    const el = await fixture<ReviewModeration>(
      html`<review-moderation source="partnerpage" api-base=${otherOrigin + server.base} directory-id="dir-1"></review-moderation>`,
    );
    await waitUntil(() => part(el, "empty") ?? part(el, "error"), "did not settle", { timeout: 4000 });
    const log = await server.log();
    expect(log.filter((entry) => entry.authorization !== null)).to.deep.equal([]);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain(otherOrigin).and.not.contain("demo-admin-key");
  });

  it("still sends it to its own origin, relative or absolute, without a word", async () => {
    configure({ token: TOKEN });
    const server = await faultScript(reviews);
    for (const base of [server.base, location.origin + server.base]) {
      const el = await fixture<ReviewList>(html`<review-list api-base=${base} reviewee-id="listing-1"></review-list>`);
      await loaded(el);
      freshServices();
    }
    const log = await server.log();
    expect(log.map((entry) => entry.authorization)).to.deep.equal([`Bearer ${TOKEN}`, `Bearer ${TOKEN}`]);
    expect(warnings).to.deep.equal([]);
  });

  it("binds the token to the apiBase configured with it, not to the page", async () => {
    configure({ apiBase: `${otherOrigin}/api`, token: TOKEN });
    const server = await faultScript(reviews);
    const here = await fixture<ReviewList>(html`<review-list api-base=${server.base} reviewee-id="listing-1"></review-list>`);
    await loaded(here);
    expect((await server.log()).map((entry) => entry.authorization)).to.deep.equal([null]);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain(location.origin);
  });

  it("sends it to an origin allowed with tokenOrigins", async () => {
    configure({ token: TOKEN, tokenOrigins: [otherOrigin] });
    const server = await faultScript(reviews);
    const el = await fixture<ReviewList>(html`<review-list api-base=${otherOrigin + server.base} reviewee-id="listing-1"></review-list>`);
    await loaded(el);
    const sent = (await server.log()).filter((entry) => entry.method === "GET");
    expect(sent.map((entry) => entry.authorization)).to.deep.equal([`Bearer ${TOKEN}`]);
    expect(warnings).to.deep.equal([]);
  });

  it("sends an element's own token property to that element's api-base, whatever its origin", async () => {
    configure({ token: "page-token-0123456789" });
    const server = await faultScript(reviews);
    const el = await fixture<ReviewList>(html`<review-list api-base=${otherOrigin + server.base} reviewee-id="listing-1" .token=${TOKEN}></review-list>`);
    await loaded(el);
    const sent = (await server.log()).filter((entry) => entry.method === "GET");
    expect(sent.map((entry) => entry.authorization)).to.deep.equal([`Bearer ${TOKEN}`]);
    expect(warnings).to.deep.equal([]);
  });
});
