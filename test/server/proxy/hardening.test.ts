/**
 * Issue 13, hardening: each case here was possible against the proxy before
 * it. Keys bound to whole bodies, limits on reads and writes, a cache that
 * query spelling cannot bypass, the key never stored, one bad review never
 * blanking a list, other directories refused, headers for browsers and CDNs.
 */
import assert from "node:assert/strict";
import { request } from "node:http";
import { after, before, describe, it } from "node:test";
import { DIRECTORY_DEMO } from "../../../server/directory/index.ts";
import type { ProxyState } from "../../../server/proxy/state.ts";
import type { WireReview } from "../directory/fixture.ts";
import { jsonInit } from "../directory/listen.ts";
import { DIR, PROXY_KEY, assertNoSecret, call, startStack, type Stack } from "./fixture.ts";

const ADMIN = DIRECTORY_DEMO.keys.admin;
const ENTRY = DIRECTORY_DEMO.entries[3];
const OTHER_ENTRY = DIRECTORY_DEMO.entries[4];
assert.ok(ENTRY && OTHER_ENTRY);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

let unique = 0;
function submission(extra: Record<string, unknown> = {}) {
  unique += 1;
  return {
    entry_id: ENTRY!.id,
    summary: `Hardening check ${unique} (${Date.now()}): a perfectly ordinary review text.`,
    first_name: "Grace",
    last_name: "Hopper",
    email: "grace@example.com",
    rating: 5,
    ...extra,
  };
}

/** A POST whose headers go out at once and whose body follows `delayMs` later (or never, with null). */
function trickledPost(url: string, body: string | null, delayMs: number, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          ...(body === null ? { "Content-Length": "100" } : { "Content-Length": String(Buffer.byteLength(body)) }),
          ...headers,
        },
      },
      (res) => {
        let text = "";
        res.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on("error", reject);
    req.flushHeaders();
    req.write("{");
    if (body === null) return;
    setTimeout(() => req.end(body.slice(1)), delayMs);
  });
}

/** Reviews upstream whose summary contains `text` (the owner's view). */
async function upstreamWith(stack: Stack, text: string): Promise<WireReview[]> {
  const page = await stack.directory.api("GET", `/reviews/directory/${DIR}/?page_size=1000`, ADMIN);
  assert.equal(page.status, 200);
  const body = page.body as { results: WireReview[] };
  return body.results.filter((review) => review.summary.includes(text) || review.title.includes(text) || review.company.includes(text));
}

describe("proxy hardening: Idempotency-Key bound to the body", () => {
  let stack: Stack;
  before(async () => {
    // A directory API that takes 1 s to create a review, as a remote one may.
    stack = await startStack({
      fetch: async (req) => {
        if (req.method === "POST") await sleep(1000);
        return fetch(req);
      },
    });
  });
  after(() => stack.close());

  it("cannot turn one key into many reviews with bodies that arrive after the first is created", async () => {
    const key = "one-key-many-bodies-000001";
    const address = "203.0.113.200";
    const marker = `MARKER-${Date.now()}`;
    const headers = { "Idempotency-Key": key, "X-Forwarded-For": address };
    const first = call(stack.proxy.reviewsUrl(), jsonInit("POST", submission({ title: marker }), headers));
    await sleep(100);
    // Eight copies: headers now, while the first is in flight; each its own body, 1.5 s later.
    const copies = Array.from({ length: 8 }, () => trickledPost(stack.proxy.reviewsUrl(), JSON.stringify(submission({ title: marker })), 1500, headers));
    const answers = [await first, ...(await Promise.all(copies))];
    assert.equal(answers[0]?.status, 201);
    assert.deepEqual(
      answers.slice(1).map((a) => a.status),
      Array(8).fill(422),
    );
    assert.equal((await upstreamWith(stack, marker)).length, 1);
  });

  it("replays a copy with the same body whose body arrives while the first is still being created", async () => {
    const key = "same-body-trickled-000001";
    const body = submission();
    const headers = { "Idempotency-Key": key, "X-Forwarded-For": "203.0.113.201" };
    const first = call(stack.proxy.reviewsUrl(), jsonInit("POST", body, headers));
    const copy = trickledPost(stack.proxy.reviewsUrl(), JSON.stringify(body), 300, headers);
    const [a, b] = await Promise.all([first, copy]);
    assert.deepEqual([a.status, b.status], [201, 201]);
    assert.deepEqual(JSON.parse(b.text), a.body);
    assert.equal((await upstreamWith(stack, body.summary)).length, 1);
  });

  it("counts the limit before forwarding, atomically: 12 at once from one address create exactly 5", async () => {
    const marker = `BURST-${Date.now()}`;
    const answers = await Promise.all(
      Array.from({ length: 12 }, () =>
        call(stack.proxy.reviewsUrl(), jsonInit("POST", submission({ company: marker }), { "X-Forwarded-For": "203.0.113.202" })),
      ),
    );
    assert.equal(answers.filter((a) => a.status === 201).length, 5);
    assert.equal(answers.filter((a) => a.status === 429).length, 7);
    assert.equal((await upstreamWith(stack, marker)).length, 5);
  });
});

describe("proxy hardening: slow bodies", () => {
  it("answers 408 when a body does not arrive within the body timeout", async () => {
    const stack = await startStack({ bodyTimeoutMs: 300 });
    try {
      const started = performance.now();
      const answer = await trickledPost(stack.proxy.reviewsUrl(), null, 0, {});
      assert.equal(answer.status, 408);
      assert.ok(performance.now() - started < 2000);
    } finally {
      await stack.close();
    }
  });
});

describe("proxy hardening: reads", () => {
  let stack: Stack;
  let upstreamGets = 0;
  before(async () => {
    stack = await startStack({
      cacheTtlMs: 60_000,
      fetch: (req) => {
        if (req.method === "GET") upstreamGets += 1;
        return fetch(req);
      },
    });
  });
  after(() => stack.close());

  it("limits GETs per client: 120 a minute, then 429 with Retry-After and a JSON body", async () => {
    const url = `${stack.proxy.reviewsUrl()}?entry_id=${ENTRY.id}`;
    const as = (address: string) => call(url, { headers: { "X-Forwarded-For": address } });
    for (let i = 1; i <= 120; i++) assert.equal((await as("198.51.100.250")).status, 200, `GET ${i}`);
    const limited = await as("198.51.100.250");
    assert.equal(limited.status, 429);
    assert.deepEqual(limited.body, { detail: "Too many requests. Please try again later." });
    const retryAfter = Number(limited.headers.get("retry-after"));
    assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
    assert.equal(limited.headers.get("cache-control"), "no-store", "a CDN must not serve one client's 429 to everyone");
    assert.equal((await as("198.51.100.251")).status, 200, "another client is not affected");
    stack.clock.advance(60_000);
    assert.equal((await as("198.51.100.250")).status, 200, "the next minute is allowed again");
  });

  it("maps every spelling of a query to one cache entry: order, repeats and junk parameters cause no upstream fetch", async () => {
    const [a, b] = [ENTRY.id, OTHER_ENTRY.id].sort();
    const spellings = [
      `entry_id=${a}&entry_id=${b}`,
      `entry_id=${b}&entry_id=${a}`,
      `entry_id=${b}&entry_id=${a}&entry_id=${b}`,
      `entry_id=${a}&entry_id=${b}&junk=1`,
      `junk=2&entry_id=${b}&entry_id=${a}&cachebuster=${Date.now()}`,
      `entry_id=${a}&entry_id=%20${b}%20&page=7&page_size=1000&status=P`,
    ];
    const before = upstreamGets;
    const answers = [];
    for (const [i, query] of spellings.entries())
      answers.push(await call(`${stack.proxy.reviewsUrl()}?${query}`, { headers: { "X-Forwarded-For": `192.0.2.${i}` } }));
    assert.equal(upstreamGets - before, 1);
    for (const answer of answers) {
      assert.equal(answer.status, 200);
      assert.equal(answer.headers.get("etag"), answers[0]?.headers.get("etag"));
      assert.equal(answer.text, answers[0]?.text);
    }
    assert.ok(!answers[0]?.text.includes('"status":"P"'), "status=P in the query changes nothing");
  });

  it("fetches a list once for many simultaneous askers, even without a cache", async () => {
    const fresh = await startStack({
      fetch: (req) => {
        if (req.method === "GET") upstreamGets += 1;
        return fetch(req);
      },
    });
    try {
      const before = upstreamGets;
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          call(`${fresh.proxy.reviewsUrl()}?entry_id=${ENTRY.id}`, { headers: { "X-Forwarded-For": `192.0.2.${100 + i}` } }),
        ),
      );
      assert.ok(answers.every((answer) => answer.status === 200));
      assert.ok(upstreamGets - before < 20, `${upstreamGets - before} upstream fetches`);
    } finally {
      await fresh.close();
    }
  });
});

describe("proxy hardening: loose rules", () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack({ directories: [DIR] });
  });
  after(() => stack.close());
  const post = (body: unknown) => call(stack.proxy.reviewsUrl(), jsonInit("POST", body, { "X-Forwarded-For": `192.0.2.${++unique % 250}` }));

  it("refuses a submission that carries the proxy's key in any field, before anything is created", async () => {
    const marker = `KEYCARRIER-${Date.now()}`;
    const cases = [
      submission({ title: marker, summary: `Please look at ${PROXY_KEY} for me, thanks.` }),
      submission({ title: marker, company: PROXY_KEY }),
      submission({ title: marker, notes: { nested: [`x${PROXY_KEY}x`] } }),
      submission({ title: marker, [PROXY_KEY]: true }),
    ];
    for (const body of cases) {
      const answer = await post(body);
      assert.equal(answer.status, 400, JSON.stringify(body).slice(0, 120));
      assert.deepEqual(answer.body, { non_field_errors: ["This submission cannot be accepted."] });
      assertNoSecret(answer, PROXY_KEY);
    }
    // JSON escapes do not hide it either.
    const escaped = JSON.stringify(submission({ title: marker })).replace(
      '"rating"',
      `"company":"${[...PROXY_KEY].map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`).join("")}","rating"`,
    );
    const viaEscapes = await call(stack.proxy.reviewsUrl(), {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Forwarded-For": "192.0.2.251" },
      body: escaped,
    });
    assert.equal(viaEscapes.status, 400);
    assert.equal((await upstreamWith(stack, marker)).length, 0);
  });

  it("drops a stored review that carries the key, and serves the rest of the list", async () => {
    // Stored before this check existed (or by the owner's own tools), and approved.
    const created = await stack.directory.api("POST", `/reviews/directory/${DIR}/`, ADMIN, {
      entry_id: ENTRY.id,
      summary: `Leaked ${PROXY_KEY} in a review text.`,
      first_name: "Old",
      last_name: "Leak",
      email: "old@example.com",
      rating: 3,
    });
    assert.equal(created.status, 201);
    const id = (created.body as WireReview).id;
    assert.equal((await stack.directory.api("PATCH", `/reviews/directory/${DIR}/${id}/`, ADMIN, { status: "A" })).status, 200);

    const answer = await call(`${stack.proxy.reviewsUrl()}?entry_id=${ENTRY.id}`);
    assert.equal(answer.status, 200);
    assertNoSecret(answer, PROXY_KEY);
    const page = answer.body as { count: number; results: Array<{ id: string }> };
    assert.ok(page.count > 0, "the other reviews are served");
    assert.ok(!page.results.some((review) => review.id === id));
  });

  it("answers 404 for a directory the proxy does not serve, without asking upstream", async () => {
    const other = DIRECTORY_DEMO.otherDirectoryId;
    const get = await call(`${stack.proxy.reviewsUrl(other)}?entry_id=${ENTRY.id}`);
    assert.equal(get.status, 404);
    assert.deepEqual(get.body, { detail: "Not found." });
    const posted = await call(stack.proxy.reviewsUrl(other), jsonInit("POST", submission()));
    assert.equal(posted.status, 404);
  });
});

describe("proxy hardening: headers", () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(() => stack.close());

  it("lets shared caches keep a list for a minute while browsers revalidate by ETag", async () => {
    const url = `${stack.proxy.reviewsUrl()}?entry_id=${ENTRY.id}`;
    const first = await call(url);
    const cacheControl = (first.headers.get("cache-control") ?? "").split(",").map((d) => d.trim());
    assert.ok(cacheControl.includes("public"));
    assert.ok(cacheControl.includes("max-age=0"), "browsers revalidate every time");
    assert.ok(cacheControl.includes("s-maxage=60"), "shared caches keep it a minute");
    assert.ok(cacheControl.some((d) => /^stale-while-revalidate=\d+$/.test(d)));
    const etag = first.headers.get("etag") ?? "";
    assert.match(etag, /^"[A-Za-z0-9_-]+"$/, "strong ETag");
    const revalidated = await call(url, { headers: { "If-None-Match": etag } });
    assert.equal(revalidated.status, 304);
  });

  it("sends nosniff and a Referrer-Policy on every answer, errors included", async () => {
    const answers = [
      await call(`${stack.proxy.reviewsUrl()}?entry_id=${ENTRY.id}`),
      await call(stack.proxy.reviewsUrl()),
      await call(`${stack.proxy.origin}/nothing`),
      await call(stack.proxy.reviewsUrl(), jsonInit("POST", submission({ rating: 9 }))),
    ];
    for (const answer of answers) {
      assert.equal(answer.headers.get("x-content-type-options"), "nosniff");
      assert.equal(answer.headers.get("referrer-policy"), "no-referrer");
    }
  });
});

describe("proxy hardening: the shared state is down", () => {
  it("refuses submissions with 503 (nothing forwarded unlimited), keeps serving reads", async () => {
    const down = (): Promise<never> => Promise.reject(new Error("ECONNREFUSED"));
    const broken: ProxyState = { hit: down, claim: down, read: down, complete: down, release: down, cacheGet: down, cacheSet: down };
    const stack = await startStack({ state: broken, cacheTtlMs: 5000 });
    try {
      const marker = `STATE-DOWN-${Date.now()}`;
      const posted = await call(stack.proxy.reviewsUrl(), jsonInit("POST", submission({ title: marker })));
      assert.equal(posted.status, 503);
      assert.ok(Number(posted.headers.get("retry-after")) > 0);
      assert.equal((await upstreamWith(stack, marker)).length, 0);
      assert.equal((await call(`${stack.proxy.reviewsUrl()}?entry_id=${ENTRY.id}`)).status, 200);
    } finally {
      await stack.close();
    }
  });
});
