import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { Clock } from "../../../server/clock.ts";
import { SessionRegistry, SESSION_LIMITS } from "../../../server/marketplace/auth.ts";
import { DEMO } from "../../../server/marketplace/index.ts";
import { AUTH, MARKETPLACE, start, type Running } from "./fixture.ts";

const MINUTE = 60_000;

describe("sign-in limits, logout and sessions", () => {
  let realNow = Date.now();
  let server: Running;
  before(async () => (server = await start({ clock: new Clock(() => realNow) })));
  after(() => server.close());

  const tokenOf = async (response: Response) => ((await response.json()) as { accessToken: string }).accessToken;
  const whoAmI = (token: string) => server.fetch(`${MARKETPLACE}/v1/reviews?pageRowCount=1`, { headers: { Authorization: `Bearer ${token}` } });

  it("locks an account after 5 wrong passwords, with 429 and Retry-After, until the lock ends", async () => {
    for (let i = 0; i < 5; i++) assert.equal((await server.login(DEMO.logins.host, "wrong")).status, 401);
    const locked = await server.login(DEMO.logins.host);
    assert.equal(locked.status, 429);
    assert.ok(Number(locked.headers.get("retry-after")) > 0);
    const body = (await locked.json()) as Record<string, unknown>;
    assert.equal(body["result"], "ERR");
    assert.equal(body["message"], "errMsg_tooManyLoginAttempts");
    realNow += 16 * MINUTE;
    assert.equal((await server.login(DEMO.logins.host)).status, 200);
  });

  it("limits failed sign-ins per address, whatever account they try", async () => {
    realNow += 16 * MINUTE;
    let refused = 0;
    for (let i = 0; i < 25; i++) if ((await server.login(`nobody${i}@demo.test`, "x")).status === 429) refused += 1;
    assert.equal(refused, 5);
    assert.equal((await server.login(DEMO.logins.guest)).status, 429, "the address is paused for every account");
    realNow += 16 * MINUTE;
    assert.equal((await server.login(DEMO.logins.guest)).status, 200);
  });

  it("logout revokes the token", async () => {
    const token = await tokenOf(await server.login(DEMO.logins.admin));
    assert.equal((await whoAmI(token)).status, 200);
    const out = await server.fetch(`${AUTH}/logout`, { method: "POST", headers: { Authorization: `Bearer ${token}` } });
    assert.equal(out.status, 200);
    assert.equal((await whoAmI(token)).status, 401);
    assert.equal((await server.fetch(`${AUTH}/logout`, { method: "POST", headers: { Authorization: `Bearer ${token}` } })).status, 401);
  });

  it("sessions expire 12 hours after sign-in", async () => {
    const token = await tokenOf(await server.login(DEMO.logins.admin));
    realNow += SESSION_LIMITS.ttlMs - MINUTE;
    assert.equal((await whoAmI(token)).status, 200);
    realNow += 2 * MINUTE;
    assert.equal((await whoAmI(token)).status, 401);
  });

  it("keeps at most maxSessions sessions, signing out the oldest", () => {
    const registry = new SessionRegistry(new Clock());
    const first = registry.open("u1");
    for (let i = 0; i < SESSION_LIMITS.maxSessions; i++) registry.open(`u${i}`);
    assert.equal(registry.size, SESSION_LIMITS.maxSessions);
    assert.equal(registry.find(first.token), undefined);
  });
});
