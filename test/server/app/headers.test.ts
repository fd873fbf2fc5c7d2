import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { DEMO } from "../../../server/marketplace/index.ts";
import { AUTH, DEMO_DIRECTORY_LIST, MARKETPLACE, rawGet, start, type Running } from "./fixture.ts";

describe("response headers", () => {
  let server: Running;
  before(async () => (server = await start({ demo: true })));
  after(() => server.close());

  it("every response: nosniff, no framing, no referrer — API, pages, static files, errors", async () => {
    const paths = [
      `${MARKETPLACE}/v1/reviews`,
      `${MARKETPLACE}/v1/nothing`,
      "/directory-admin.html",
      "/index.html",
      "/demo.css",
      "/demo-api/directory/ids",
      "/directory-proxy/directories/demo-directory/reviews?entry_id=688509ac-f67f-4dd2-9232-97951263b765",
      "/no-such-file.js",
    ];
    for (const path of paths) {
      const response = await server.fetch(path);
      await response.arrayBuffer();
      assert.equal(response.headers.get("x-content-type-options"), "nosniff", path);
      assert.match(response.headers.get("content-security-policy") ?? "", /frame-ancestors 'none'/, path);
      assert.equal(response.headers.get("x-frame-options"), "DENY", path);
      assert.equal(response.headers.get("referrer-policy"), "no-referrer", path);
    }
  });

  it("no-store on every answer that carries an email", async () => {
    const list = await server.fetch(DEMO_DIRECTORY_LIST, { headers: { Authorization: "demo-admin-key" } });
    assert.match(await list.text(), /@/);
    assert.equal(list.headers.get("cache-control"), "no-store");
    const login = await server.login(DEMO.logins.admin);
    assert.equal(login.headers.get("cache-control"), "no-store");
    assert.equal((await server.fetch(`${AUTH}/nothing`)).headers.get("cache-control"), "no-store");
  });

  it("never reflects the Host header into links", async () => {
    const answer = await rawGet(server.port, `${DEMO_DIRECTORY_LIST}?page_size=5`, { Host: "evil.example", Authorization: "demo-admin-key" });
    assert.equal(answer.status, 200);
    const page = JSON.parse(answer.body) as { next: string };
    assert.ok(!answer.body.includes("evil.example"));
    assert.equal(page.next, `${DEMO_DIRECTORY_LIST}?page_size=5&page=2`);
  });
});
