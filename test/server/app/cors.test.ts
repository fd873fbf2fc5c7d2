import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startServer, type RunningServer } from "../../../server/serve.ts";
import { AUTH, DEMO_DIRECTORY_LIST, MARKETPLACE, ROOT } from "./fixture.ts";

const SHOP = "https://shop.example";
const preflight = (method: string, headers: string, origin = SHOP): RequestInit => ({
  method: "OPTIONS",
  headers: { Origin: origin, "Access-Control-Request-Method": method, "Access-Control-Request-Headers": headers },
});

describe("CORS on the reference APIs (allowedOrigins / API_ALLOWED_ORIGINS)", () => {
  let server: RunningServer;
  before(async () => (server = await startServer({ root: ROOT, allowedOrigins: [SHOP] })));
  after(() => server.close());
  const get = (path: string, init?: RequestInit) => fetch(server.url + path, init);

  it("answers a configured origin's preflight with Authorization and Idempotency-Key allowed, never credentials", async () => {
    for (const path of [`${MARKETPLACE}/v1/reviews`, `${AUTH}/login`, DEMO_DIRECTORY_LIST]) {
      const response = await get(path, preflight("POST", "authorization, content-type, idempotency-key"));
      assert.equal(response.status, 204, path);
      assert.equal(response.headers.get("access-control-allow-origin"), SHOP, path);
      assert.match(response.headers.get("access-control-allow-headers") ?? "", /Authorization/);
      assert.match(response.headers.get("access-control-allow-headers") ?? "", /Idempotency-Key/);
      assert.match(response.headers.get("access-control-allow-methods") ?? "", /PATCH/);
      assert.equal(response.headers.get("access-control-allow-credentials"), null);
    }
  });

  it("lets a configured origin read answers, errors included", async () => {
    const list = await get(`${MARKETPLACE}/v1/reviewaggregates`, { headers: { Origin: SHOP } });
    await list.arrayBuffer();
    assert.equal(list.headers.get("access-control-allow-origin"), SHOP);
    assert.match(list.headers.get("vary") ?? "", /Origin/);
    assert.match(list.headers.get("access-control-expose-headers") ?? "", /Retry-After/, "a page may read how long to wait after 429");
    const unauthorized = await get(`${MARKETPLACE}/v1/reviews`, { method: "POST", headers: { Origin: SHOP, "Content-Type": "application/json" }, body: "{}" });
    await unauthorized.arrayBuffer();
    assert.equal(unauthorized.status, 401);
    assert.equal(unauthorized.headers.get("access-control-allow-origin"), SHOP);
  });

  it("gives any other origin no CORS header, so its browser withholds the answer", async () => {
    const refused = await get(`${MARKETPLACE}/v1/reviews`, preflight("GET", "authorization", "https://evil.example"));
    assert.equal(refused.headers.get("access-control-allow-origin"), null);
    const read = await get(`${MARKETPLACE}/v1/reviewaggregates`, { headers: { Origin: "https://evil.example" } });
    await read.arrayBuffer();
    assert.equal(read.headers.get("access-control-allow-origin"), null);
  });

  it("serves the built files to every origin (the script files import their language files)", async () => {
    const response = await get("/dist/review-widgets.js", { headers: { Origin: SHOP } });
    await response.arrayBuffer();
    assert.equal(response.headers.get("access-control-allow-origin"), "*");
  });
});
