import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { DAY_MS } from "../../../server/clock.ts";
import { DEMO } from "../../../server/marketplace/index.ts";
import { DEMO_API, DEMO_DIRECTORY_LIST, MARKETPLACE, start, type Running } from "./fixture.ts";

const ADMIN_KEY = "demo-admin-key";

describe("demo controls are an explicit demo mode", () => {
  let plain: Running;
  let demo: Running;
  before(async () => {
    plain = await start();
    demo = await start({ demo: true });
  });
  after(async () => {
    await plain.close();
    await demo.close();
  });

  it("are not there unless demo mode is on", async () => {
    for (const path of ["/marketplace/ids", "/marketplace/clock", "/directory/ids"]) {
      assert.equal((await plain.fetch(DEMO_API + path)).status, 404, path);
      assert.equal((await demo.fetch(DEMO_API + path)).status, 200, path);
    }
    assert.equal((await plain.send("POST", `${DEMO_API}/marketplace/reset`, {})).status, 404);
    // The APIs themselves do not depend on it.
    assert.equal((await plain.fetch(`${MARKETPLACE}/v1/reviews`)).status, 200);
  });

  it("refuse requests from other sites and bodies that are not JSON", async () => {
    const advance = `${DEMO_API}/marketplace/clock/advance`;
    const crossSite = await demo.send("POST", advance, { days: 1 }, { "Sec-Fetch-Site": "cross-site" });
    assert.equal(crossSite.status, 403);
    assert.equal(((await crossSite.json()) as { message: string }).message, "errMsg_crossSiteRequestRefused");
    assert.equal((await demo.send("POST", advance, { days: 1 }, { Origin: "https://evil.example" })).status, 403);
    assert.equal((await demo.fetch(`${DEMO_API}/directory/ids`, { headers: { "Sec-Fetch-Site": "same-site" } })).status, 403);
    // The classic form post: text/plain needs no preflight, so it must be refused outright.
    const form = await demo.fetch(advance, { method: "POST", headers: { "Content-Type": "text/plain" }, body: '{"days":1}' });
    assert.equal(form.status, 415);
    assert.equal((await demo.fetch(`${DEMO_API}/directory/reset`, { method: "POST" })).status, 415);
    assert.equal(demo.clock.offsetMs, 0, "nothing moved the clock");
    // The demo's own pages: same origin, JSON.
    const own = await demo.send("POST", advance, { days: 1 }, { "Sec-Fetch-Site": "same-origin", Origin: demo.url });
    assert.equal(own.status, 200);
    assert.equal(demo.clock.offsetMs, DAY_MS);
  });

  it("never list API keys", async () => {
    for (const path of ["/directory/ids", "/directory/reset"]) {
      const response = path.endsWith("reset") ? await demo.send("POST", DEMO_API + path, {}) : await demo.fetch(DEMO_API + path);
      const text = await response.text();
      assert.equal(response.status, 200);
      assert.ok(!/-key\b/.test(text) && !text.includes("keys"), `${path} lists a key: ${text.slice(0, 200)}`);
      assert.ok(text.includes("demo-directory"), "ids and names are still there");
    }
  });

  it("bound the clock: it never runs more than a year ahead, and the APIs keep answering", async () => {
    const advance = `${DEMO_API}/marketplace/clock/advance`;
    let refused = 0;
    for (let i = 0; i < 5; i++) {
      const response = await demo.send("POST", advance, { days: 365 });
      if (response.status === 400) {
        refused += 1;
        assert.equal(((await response.json()) as { message: string }).message, "errMsg_clockLimitReached");
      }
    }
    assert.equal(refused, 4);
    assert.ok(demo.clock.offsetMs <= 366 * DAY_MS);
    assert.equal((await demo.fetch(`${MARKETPLACE}/v1/reviews`)).status, 200);
    assert.equal((await demo.fetch(DEMO_DIRECTORY_LIST, { headers: { Authorization: ADMIN_KEY } })).status, 200);
  });

  it("reset restores the clock and both seeds", async () => {
    const token = ((await (await demo.login(DEMO.logins.guest)).json()) as { accessToken: string }).accessToken;
    await demo.send("POST", `${DEMO_API}/marketplace/reset`, {});
    const created = await demo.send(
      "POST",
      `${MARKETPLACE}/v1/reviews`,
      {
        moderationStatus: "pending",
        isPublished: false,
        reviewText: "Bright loft with a lovely terrace.",
        rating: 5,
        revieweeId: DEMO.listings.main,
        reservationId: DEMO.reservations.story,
        revieweeType: "listing",
      },
      { Authorization: `Bearer ${token}` },
    );
    assert.equal(created.status, 201);
    const directoryReview = await demo.send(
      "POST",
      DEMO_DIRECTORY_LIST,
      {
        entry_id: "688509ac-f67f-4dd2-9232-97951263b765",
        summary: "Great partner to work with.",
        first_name: "A",
        last_name: "B",
        email: "a@b.test",
        rating: 5,
      },
      { Authorization: ADMIN_KEY },
    );
    assert.equal(directoryReview.status, 201);
    const directoryId = ((await directoryReview.json()) as { id: string }).id;
    await demo.send("POST", `${DEMO_API}/marketplace/clock/advance`, { days: 3 });

    const reset = await demo.send("POST", `${DEMO_API}/marketplace/reset`, {});
    assert.equal(reset.status, 200);
    assert.equal(((await reset.json()) as { offsetMs: number }).offsetMs, 0);
    assert.equal(demo.clock.offsetMs, 0);
    const mine = await demo.fetch(`${MARKETPLACE}/v1/reviews?reservationId=${DEMO.reservations.story}`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(((await mine.json()) as { reviews: unknown[] }).reviews.length, 0, "the marketplace is back to the seed");
    const gone = await demo.fetch(`${DEMO_DIRECTORY_LIST}${directoryId}/`, { headers: { Authorization: ADMIN_KEY } });
    assert.equal(gone.status, 404, "the directory is back to the seed");
  });
});
