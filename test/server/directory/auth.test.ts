import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { DIRECTORY_DEMO } from "../../../server/directory/index.ts";
import { call } from "./listen.ts";
import { startDirectory, type DirectoryServer, type WirePage, type WireReview } from "./fixture.ts";

const DIR = DIRECTORY_DEMO.directoryId;
const OTHER = DIRECTORY_DEMO.otherDirectoryId;
const { admin: ADMIN, readonly: READONLY, proxy: PROXY } = DIRECTORY_DEMO.keys;
const OTHER_ADMIN = DIRECTORY_DEMO.otherAdminKey;
const LIST = `/reviews/directory/${DIR}/`;

const NOT_PROVIDED = { detail: "Authentication credentials were not provided." };
const INVALID = { detail: "Invalid API key." };
const FORBIDDEN = { detail: "You do not have permission to perform this action." };
const NOT_FOUND = { detail: "Not found." };

describe("directory API: authentication and permissions", () => {
  let server: DirectoryServer;
  let review: WireReview;
  let otherReview: WireReview;
  before(async () => {
    server = await startDirectory();
    const mine = (await server.api("GET", LIST, ADMIN)).body as WirePage;
    const theirs = (await server.api("GET", `/reviews/directory/${OTHER}/`, OTHER_ADMIN)).body as WirePage;
    assert.ok(mine.results[0] && theirs.results[0]);
    review = mine.results[0];
    otherReview = theirs.results[0];
  });
  after(() => server.close());

  it("401 without an Authorization header, on every route", async () => {
    for (const [method, path] of [
      ["GET", LIST],
      ["POST", LIST],
      ["GET", `${LIST}${review.id}/`],
      ["PATCH", `${LIST}${review.id}/`],
      ["DELETE", `${LIST}${review.id}/`],
    ] as const) {
      const answer = await server.api(method, path, null, method === "PATCH" || method === "POST" ? {} : undefined);
      assert.equal(answer.status, 401, `${method} ${path}`);
      assert.deepEqual(answer.body, NOT_PROVIDED);
    }
  });

  it("401 for an unknown key, an empty key, and a Bearer token", async () => {
    for (const key of ["no-such-key", "Bearer demo-admin-key", `Bearer ${ADMIN}`, "bearer x", "demo-admin-key-2"]) {
      const answer = await server.api("GET", LIST, key);
      assert.equal(answer.status, 401, key);
      assert.deepEqual(answer.body, INVALID);
    }
    const empty = await call(server.apiBase + LIST, { headers: { Authorization: "" } });
    assert.equal(empty.status, 401);
    assert.deepEqual(empty.body, NOT_PROVIDED);
  });

  it("403 when the key lacks the permission", async () => {
    const patchReadonly = await server.api("PATCH", `${LIST}${review.id}/`, READONLY, { rating: 1 });
    assert.equal(patchReadonly.status, 403);
    assert.deepEqual(patchReadonly.body, FORBIDDEN);
    const postReadonly = await server.api("POST", LIST, READONLY, {});
    assert.equal(postReadonly.status, 403);
    assert.deepEqual(postReadonly.body, FORBIDDEN);
    for (const key of [READONLY, PROXY]) {
      assert.equal((await server.api("DELETE", `${LIST}${review.id}/`, key)).status, 403);
      assert.equal((await server.api("PATCH", `${LIST}${review.id}/`, key, { status: "A" })).status, 403);
    }
    // Nothing changed.
    const again = await server.api("GET", `${LIST}${review.id}/`, ADMIN);
    assert.deepEqual(again.body, review);
  });

  it("403 for a key of another directory, and for an unknown directory", async () => {
    for (const [method, path] of [
      ["GET", LIST],
      ["GET", `${LIST}${review.id}/`],
      ["PATCH", `${LIST}${review.id}/`],
      ["DELETE", `${LIST}${review.id}/`],
    ] as const) {
      const answer = await server.api(method, path, OTHER_ADMIN, method === "PATCH" ? { rating: 1 } : undefined);
      assert.equal(answer.status, 403, `${method} ${path}`);
      assert.deepEqual(answer.body, FORBIDDEN);
    }
    const unknown = await server.api("GET", "/reviews/directory/no-such-directory/", ADMIN);
    assert.equal(unknown.status, 403);
    assert.deepEqual(unknown.body, FORBIDDEN);
  });

  it("404 for a review of another directory or one that does not exist", async () => {
    for (const method of ["GET", "PATCH", "DELETE"] as const) {
      const answer = await server.api(method, `${LIST}${otherReview.id}/`, ADMIN, method === "PATCH" ? { rating: 1 } : undefined);
      assert.equal(answer.status, 404, method);
      assert.deepEqual(answer.body, NOT_FOUND);
    }
    const missing = await server.api("GET", `${LIST}00000000-0000-4000-8000-000000000000/`, ADMIN);
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.body, NOT_FOUND);
    // The other directory's review is intact.
    const theirs = await server.api("GET", `/reviews/directory/${OTHER}/${otherReview.id}/`, OTHER_ADMIN);
    assert.deepEqual(theirs.body, otherReview);
  });

  it("keeps directories apart in lists", async () => {
    const theirs = (await server.api("GET", `/reviews/directory/${OTHER}/?page_size=200`, OTHER_ADMIN)).body as WirePage;
    const mine = (await server.api("GET", `${LIST}?page_size=200`, ADMIN)).body as WirePage;
    assert.ok(theirs.count >= 3);
    const mineIds = new Set(mine.results.map((r) => r.id));
    assert.ok(theirs.results.every((r) => !mineIds.has(r.id)));
    const demoEntryIds = new Set(DIRECTORY_DEMO.entries.map((e) => e.id));
    assert.ok(theirs.results.every((r) => !demoEntryIds.has(r.entry.id)));
  });

  it("405 for methods a route does not have", async () => {
    const put = await server.api("PUT", `${LIST}${review.id}/`, ADMIN, { rating: 1 });
    assert.equal(put.status, 405);
    assert.deepEqual(put.body, { detail: 'Method "PUT" not allowed.' });
    assert.equal((await server.api("DELETE", LIST, ADMIN)).status, 405);
  });
});
