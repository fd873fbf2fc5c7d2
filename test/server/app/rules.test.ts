import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { DEMO } from "../../../server/marketplace/index.ts";
import { DEMO_API, DEMO_DIRECTORY_LIST, MARKETPLACE, start, type Running } from "./fixture.ts";

const ENTRY = "688509ac-f67f-4dd2-9232-97951263b765";
const review = (overrides: Record<string, unknown> = {}) => ({
  entry_id: ENTRY,
  summary: "Solid partner, would hire again.",
  first_name: "Jane",
  last_name: "Doe",
  email: "jane@example.test",
  rating: 5,
  ...overrides,
});

describe("rules that were loose", () => {
  let server: Running;
  let guest: string;
  before(async () => {
    server = await start({ demo: true });
    guest = ((await (await server.login(DEMO.logins.guest)).json()) as { accessToken: string }).accessToken;
  });
  after(() => server.close());

  const marketplaceCreate = (reviewText: unknown, raw?: string) =>
    server.fetch(`${MARKETPLACE}/v1/reviews`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${guest}` },
      body:
        raw ??
        JSON.stringify({
          moderationStatus: "pending",
          isPublished: false,
          reviewText,
          rating: 4,
          revieweeId: DEMO.listings.main,
          reservationId: DEMO.reservations.story,
          revieweeType: "listing",
        }),
    });
  const messageOf = async (response: Response) => ((await response.json()) as { message: string }).message;

  it("a create-only key (the proxy's) cannot choose a status other than pending", async () => {
    const approved = await server.send("POST", DEMO_DIRECTORY_LIST, review({ status: "A" }), { Authorization: "demo-proxy-key" });
    assert.equal(approved.status, 403);
    const pending = await server.send("POST", DEMO_DIRECTORY_LIST, review({ status: "P" }), { Authorization: "demo-proxy-key" });
    assert.equal(pending.status, 201);
    assert.equal(((await pending.json()) as { status: string }).status, "P");
    assert.equal((await server.send("POST", DEMO_DIRECTORY_LIST, review({ status: "A" }), { Authorization: "demo-admin-key" })).status, 201);
  });

  it("review ids are random: not counting up, and not repeated after a reset", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      await server.send("POST", `${DEMO_API}/directory/reset`, {});
      const created = await server.send("POST", DEMO_DIRECTORY_LIST, review(), { Authorization: "demo-admin-key" });
      ids.push(((await created.json()) as { id: string }).id);
    }
    assert.notEqual(ids[0], ids[1], "the seed generator does not pick created ids");

    const listed = await server.fetch(`${MARKETPLACE}/v1/reviews?pageRowCount=100`);
    const seeded = ((await listed.json()) as { reviews: { id: string }[] }).reviews.map((r) => r.id);
    assert.ok(
      seeded.every((id) => !/^40000000-0000-4000-8000-/.test(id)),
      "seeded ids do not count up",
    );
    const created = await marketplaceCreate("A calm loft with a lovely terrace.");
    assert.equal(created.status, 201);
    const id = ((await created.json()) as { review: { id: string } }).review.id;
    assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.doesNotMatch(id, /^40000000-0000-4000-8000-/);
  });

  it("aggregate ids are random too: they do not count how many reviewees have reviews", async () => {
    const listed = await server.fetch(`${MARKETPLACE}/v1/reviewaggregates?pageRowCount=100`);
    const ids = ((await listed.json()) as { reviewAggregates: { id: string }[] }).reviewAggregates.map((a) => a.id);
    assert.ok(ids.length > 5);
    for (const id of ids) assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.ok(
      ids.every((id) => !/^50000000-0000-4000-8000-/.test(id)),
      "aggregate ids do not count up",
    );
  });

  it("refuses text made only of invisible characters, or holding NUL or lone surrogates (both APIs)", async () => {
    assert.equal(await messageOf(await marketplaceCreate("\u200b\u200d\u2060 \ufeff")), "errMsg_reviewTextIsRequired");
    assert.equal(await messageOf(await marketplaceCreate("Nice\u0000 place")), "errMsg_reviewTextHasInvalidCharacters");
    const surrogate = await marketplaceCreate(
      "",
      '{"moderationStatus":"pending","isPublished":false,"reviewText":"Nice \\ud800 place","rating":4,"revieweeId":"x","reservationId":"y","revieweeType":"listing"}',
    );
    assert.equal(await messageOf(surrogate), "errMsg_reviewTextHasInvalidCharacters");

    const invisible = await server.send("POST", DEMO_DIRECTORY_LIST, review({ summary: "\u200b\u200c\u00ad" }), { Authorization: "demo-admin-key" });
    assert.deepEqual(await invisible.json(), { summary: ["This field may not be blank."] });
    const nul = await server.send("POST", DEMO_DIRECTORY_LIST, review({ first_name: "Ja\u0000ne" }), { Authorization: "demo-admin-key" });
    assert.deepEqual(await nul.json(), { first_name: ["Null characters are not allowed."] });
    const lone = await server.fetch(DEMO_DIRECTORY_LIST, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: "demo-admin-key" },
      body: JSON.stringify(review()).replace("Solid partner", "Solid \\udc00 partner"),
    });
    assert.deepEqual(await lone.json(), { summary: ["Surrogate characters are not allowed: U+DC00."] });
  });

  it("the marketplace API refuses bodies that are not application/json with 415", async () => {
    const response = await server.fetch(`${MARKETPLACE}/v1/reviews`, {
      method: "POST",
      headers: { "Content-Type": "text/plain", Authorization: `Bearer ${guest}` },
      body: "{}",
    });
    assert.equal(response.status, 415);
    assert.equal(await messageOf(response), "errMsg_unsupportedMediaType");
    const login = await server.fetch("/auth-api/login", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "username=a&password=b",
    });
    assert.equal(login.status, 415);
  });
});
