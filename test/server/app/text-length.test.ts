/**
 * Text length limits count what people see (grapheme clusters), as the form does: an emoji family
 * is one character, not 5 code points or 8 UTF-16 units; an e with a combining accent is one, not 2.
 * Over HTTP, on both backends and the public proxy.
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { DEMO } from "../../../server/marketplace/index.ts";
import { DEMO_API, DEMO_DIRECTORY_LIST, MARKETPLACE, start, type Running } from "./fixture.ts";

const FAMILY = "👨‍👩‍👧";
const ACCENTED = "e\u0301";
const PROXY_LIST = "/directory-proxy/directories/demo-directory/reviews";
const ENTRY = "688509ac-f67f-4dd2-9232-97951263b765";
const directoryReview = (overrides: Record<string, unknown>) => ({
  entry_id: ENTRY,
  summary: "Solid partner, would hire again.",
  first_name: "Jane",
  last_name: "Doe",
  email: "jane@example.test",
  rating: 5,
  ...overrides,
});

describe("text length counts characters as people see them", () => {
  let server: Running;
  let guest: string;
  let client = 0;
  before(async () => {
    server = await start({ demo: true });
  });
  beforeEach(async () => {
    await server.send("POST", `${DEMO_API}/marketplace/reset`, {});
    guest = ((await (await server.login(DEMO.logins.guest)).json()) as { accessToken: string }).accessToken;
  });
  after(() => server.close());

  const marketplaceCreate = (reviewText: string) =>
    server.send(
      "POST",
      `${MARKETPLACE}/v1/reviews`,
      {
        moderationStatus: "pending",
        isPublished: false,
        reviewText,
        rating: 4,
        revieweeId: DEMO.listings.main,
        reservationId: DEMO.reservations.story,
        revieweeType: "listing",
      },
      { Authorization: `Bearer ${guest}` },
    );
  const viaProxy = (overrides: Record<string, unknown>) =>
    server.send("POST", PROXY_LIST, directoryReview(overrides), { "X-Forwarded-For": `198.51.100.${++client}` });

  it("marketplace: 2,000 emoji families or accented letters fit the 2,000-character limit; 2,001 do not", async () => {
    const families = await marketplaceCreate(FAMILY.repeat(2000));
    assert.equal(families.status, 201);
    assert.equal(((await families.json()) as { review: { reviewText: string } }).review.reviewText, FAMILY.repeat(2000));

    await server.send("POST", `${DEMO_API}/marketplace/reset`, {});
    guest = ((await (await server.login(DEMO.logins.guest)).json()) as { accessToken: string }).accessToken;
    assert.equal((await marketplaceCreate(ACCENTED.repeat(2000))).status, 201);

    const over = await marketplaceCreate(FAMILY.repeat(2001));
    assert.equal(over.status, 400);
    const body = (await over.json()) as { message: string; detail: string };
    assert.equal(body.message, "errMsg_reviewTextIsTooLong");
    assert.match(body.detail, /at most 2000 characters, got 2001\./);
  });

  it("directory API: a 150-character first name of emoji families or accented letters fits; 151 do not", async () => {
    const create = (first_name: string) => server.send("POST", DEMO_DIRECTORY_LIST, directoryReview({ first_name }), { Authorization: "demo-admin-key" });
    assert.equal((await create(FAMILY.repeat(150))).status, 201);
    assert.equal((await create(ACCENTED.repeat(150))).status, 201);
    const over = await create(`${ACCENTED.repeat(75)}${FAMILY.repeat(76)}`);
    assert.equal(over.status, 400);
    assert.deepEqual(await over.json(), { first_name: ["Ensure this field has no more than 150 characters."] });
  });

  it("public proxy: counts the summary's 10-to-2,000 range and the names' 60 the same way", async () => {
    // 4 families are 20 code points, yet only 4 characters: too short.
    const short = await viaProxy({ summary: FAMILY.repeat(4) });
    assert.equal(short.status, 400);
    assert.deepEqual(await short.json(), { summary: ["Ensure this field has at least 10 characters."] });
    // (The proxy reads at most 8 KB of body: 2,000 emoji families, 36 KB, never reach this rule.)
    assert.equal((await viaProxy({ summary: `${FAMILY.repeat(100)}${ACCENTED.repeat(1900)}`, last_name: ACCENTED.repeat(60) })).status, 201);
    const over = await viaProxy({ summary: `${FAMILY.repeat(100)}${ACCENTED.repeat(1901)}` });
    assert.equal(over.status, 400);
    assert.deepEqual(await over.json(), { summary: ["Ensure this field has no more than 2000 characters."] });
  });
});
