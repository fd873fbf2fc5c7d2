import { expect } from "@open-wc/testing";
import { HttpClient, parseRetryAfter } from "../../src/api/http.js";
import { rejection as failure } from "../support/browser/api-error.js";
import { faultScript } from "../support/browser/backend.js";

const unhandled: unknown[] = [];
const onUnhandled = (event: PromiseRejectionEvent) => unhandled.push(event.reason);

/** A client whose backoff sleeps are recorded and skipped, so retry tests are fast. */
function recordingClient(options: ConstructorParameters<typeof HttpClient>[0] = {}) {
  const sleeps: number[] = [];
  const client = new HttpClient({
    random: () => 0.5,
    sleep: async (ms) => void sleeps.push(ms),
    ...options,
  });
  return { client, sleeps };
}

describe("HttpClient against a misbehaving server", () => {
  before(() => window.addEventListener("unhandledrejection", onUnhandled));
  after(() => {
    window.removeEventListener("unhandledrejection", onUnhandled);
    expect(unhandled, "unhandled rejections").to.deep.equal([]);
  });

  it("returns the parsed JSON of a 200", async () => {
    const server = await faultScript({ json: { status: "OK", value: 1 } });
    const response = await new HttpClient().request({ url: `${server.base}/x` });
    expect(response.status).to.equal(200);
    expect(response.body).to.deep.equal({ status: "OK", value: 1 });
  });

  it("retries a GET after 500s with exponential backoff and full jitter, then succeeds", async () => {
    const server = await faultScript({ status: 500 }, { status: 502, text: "<html>Bad gateway</html>" }, { status: 503 }, { json: { ok: true } });
    const { client, sleeps } = recordingClient({ baseDelayMs: 100, maxDelayMs: 10_000 });
    const response = await client.request({ url: `${server.base}/x` });
    expect(response.body).to.deep.equal({ ok: true });
    expect((await server.log()).length).to.equal(4);
    // random() = 0.5 of the ceilings 100, 200, 400
    expect(sleeps).to.deep.equal([50, 100, 200]);
  });

  it("caps the backoff ceiling and draws each delay from [0, ceiling)", async () => {
    const server = await faultScript({ status: 500 });
    const draws = [0, 0.999, 0.5];
    const sleeps: number[] = [];
    const client = new HttpClient({
      baseDelayMs: 1000,
      maxDelayMs: 1500,
      maxRetries: 3,
      random: () => draws.shift() ?? 1,
      sleep: async (ms) => void sleeps.push(ms),
    });
    await failure(client.request({ url: `${server.base}/x` }));
    expect(sleeps).to.deep.equal([0, 1498, 750]);
  });

  it("gives up after the bounded number of retries with a typed 500 error", async () => {
    const server = await faultScript({
      status: 500,
      json: { result: "ERR", status: 500, message: "errMsg_internal", errCode: 500, date: "2026-11-25T00:00:00Z", detail: "stack…" },
    });
    const { client } = recordingClient({ maxRetries: 2 });
    const error = await failure(client.request({ url: `${server.base}/x` }));
    expect(error.kind).to.equal("http");
    expect(error.status).to.equal(500);
    expect(error.serverCode).to.equal("errMsg_internal");
    expect(error.retryable).to.equal(true);
    expect(error.message).to.not.contain("stack");
    expect((await server.log()).length).to.equal(3);
  });

  it("waits the Retry-After of a 429 before trying again", async () => {
    const server = await faultScript({ status: 429, headers: { "Retry-After": "1" } }, { json: { ok: true } });
    const response = await new HttpClient({ random: () => 0 }).request({ url: `${server.base}/x` });
    expect(response.body).to.deep.equal({ ok: true });
    const [first, second] = await server.log();
    expect(second!.at - first!.at).to.be.at.least(950);
  });

  it("reads a Retry-After date on 503", async () => {
    const later = new Date(Date.now() + 2000).toUTCString();
    const server = await faultScript({ status: 503, headers: { "Retry-After": later } }, { json: { ok: true } });
    const { client, sleeps } = recordingClient();
    await client.request({ url: `${server.base}/x` });
    expect(sleeps).to.have.length(1);
    expect(sleeps[0]).to.be.within(0, 2000);
  });

  it("does not wait for an unreasonable Retry-After: reports it instead", async () => {
    const server = await faultScript({ status: 429, headers: { "Retry-After": "3600" } });
    const { client, sleeps } = recordingClient();
    const error = await failure(client.request({ url: `${server.base}/x` }));
    expect(error.status).to.equal(429);
    expect(error.retryAfterMs).to.equal(3_600_000);
    expect(sleeps).to.deep.equal([]);
    expect((await server.log()).length).to.equal(1);
  });

  it("never retries a POST, PATCH or DELETE: it may have landed", async () => {
    for (const method of ["POST", "PATCH", "DELETE"] as const) {
      const server = await faultScript({ status: 503, headers: { "Retry-After": "0" } }, { status: 201, json: { ok: true } });
      const { client } = recordingClient();
      const error = await failure(client.request({ method, url: `${server.base}/x`, body: { a: 1 } }));
      expect(error.status).to.equal(503);
      expect((await server.log()).length, method).to.equal(1);
    }
  });

  it("times out a slow answer with a typed timeout error", async () => {
    const server = await faultScript({ delayMs: 1500, json: { late: true } });
    const error = await failure(new HttpClient({ timeoutMs: 150, maxRetries: 0 }).request({ url: `${server.base}/x` }));
    expect(error.kind).to.equal("timeout");
    expect(error.retryable).to.equal(true);
  });

  it("retries a GET that timed out", async () => {
    const server = await faultScript({ delayMs: 1500, json: { late: true } }, { json: { ok: true } });
    const { client } = recordingClient({ timeoutMs: 200 });
    const response = await client.request({ url: `${server.base}/x` });
    expect(response.body).to.deep.equal({ ok: true });
  });

  it("turns a dropped connection into a network error, and retries it", async () => {
    const dropped = await faultScript({ hangup: true });
    // Count the client's own attempts: Chromium itself may resend once on a reused socket that was reset.
    let attempts = 0;
    const counting = recordingClient({ maxRetries: 1, fetch: (input, init) => (attempts++, fetch(input, init)) });
    const error = await failure(counting.client.request({ url: `${dropped.base}/x` }));
    expect(error.kind).to.equal("network");
    expect(attempts).to.equal(2);

    const recovering = await faultScript({ hangup: true }, { json: { ok: true } });
    expect((await recordingClient().client.request({ url: `${recovering.base}/x` })).body).to.deep.equal({ ok: true });
  });

  it("does not retry a failure that is most likely CORS, and names the origin and the setting once", async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (text: string) => void warnings.push(text);
    try {
      let attempts = 0;
      const refused = recordingClient({ fetch: () => (attempts++, Promise.reject(new TypeError("Failed to fetch"))) });
      const error = await failure(refused.client.request({ url: "https://api.cors-refused.test/v1/reviews" }));
      expect(error.kind).to.equal("network");
      expect(error.likelyCors).to.equal(true);
      expect(attempts).to.equal(1);
      await failure(refused.client.request({ url: "https://api.cors-refused.test/v1/reviews" }));
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain("https://api.cors-refused.test").and.to.contain(location.origin).and.to.contain("API_ALLOWED_ORIGINS");
    } finally {
      console.warn = warn;
    }
  });

  it("retries a failed cross-origin request when that origin has answered this page before (CORS works: it is the network)", async () => {
    const answers: (() => Promise<Response>)[] = [
      () => Promise.resolve(new Response("{}", { status: 200 })),
      () => Promise.reject(new TypeError("Failed to fetch")),
      () => Promise.resolve(new Response('{"ok":true}', { status: 200 })),
    ];
    const { client, sleeps } = recordingClient({ fetch: () => answers.shift()!() });
    await client.request({ url: "https://api.answered.test/a" });
    expect((await client.request({ url: "https://api.answered.test/b" })).body).to.deep.equal({ ok: true });
    expect(sleeps).to.have.length(1);
  });

  it("treats a body cut off mid-way as a network failure", async () => {
    const server = await faultScript({ truncate: true, json: { status: "OK", reviews: [1, 2, 3, 4, 5, 6, 7, 8] } });
    const error = await failure(new HttpClient({ maxRetries: 0 }).request({ url: `${server.base}/x` }));
    expect(error.kind).to.equal("network");
  });

  it("reports a 200 whose body is not JSON as an invalid response, without retrying", async () => {
    const server = await faultScript({ status: 200, text: '{"status":"OK", "reviews": [' });
    const { client } = recordingClient();
    const error = await failure(client.request({ url: `${server.base}/x` }));
    expect(error.kind).to.equal("invalid-response");
    expect((await server.log()).length).to.equal(1);
  });

  it("reads an HTML error page as a plain HTTP error", async () => {
    const server = await faultScript({ status: 502, text: "<!doctype html><h1>Bad Gateway</h1><p>nginx</p>" });
    const error = await failure(new HttpClient({ maxRetries: 0 }).request({ url: `${server.base}/x` }));
    expect(error.kind).to.equal("http");
    expect(error.status).to.equal(502);
    expect(error.serverCode).to.equal(undefined);
    expect(error.message).to.not.contain("nginx");
  });

  it("parses DRF error bodies into detail and field errors", async () => {
    const server = await faultScript({ status: 400, json: { rating: ["Ensure this value is less than or equal to 5."], non_field_errors: ["x"] } });
    const error = await failure(new HttpClient().request({ method: "PATCH", url: `${server.base}/x`, body: {} }));
    expect(error.fieldErrors).to.deep.equal({ rating: ["Ensure this value is less than or equal to 5."], non_field_errors: ["x"] });
    const detail = await faultScript({ status: 403, json: { detail: "You do not have permission to perform this action." } });
    expect((await failure(new HttpClient().request({ url: `${detail.base}/x` }))).detail).to.equal("You do not have permission to perform this action.");
  });

  it("stops at once when the caller aborts, and does not retry", async () => {
    const server = await faultScript({ delayMs: 1000, json: { late: true } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await failure(new HttpClient().request({ url: `${server.base}/x`, signal: controller.signal }));
    expect(error.kind).to.equal("aborted");
    expect((await server.log()).length).to.equal(1);
  });

  it("stops waiting out a backoff when the caller aborts", async () => {
    const server = await faultScript({ status: 500 }, { json: { ok: true } });
    const controller = new AbortController();
    const client = new HttpClient({ baseDelayMs: 5000, random: () => 1 });
    setTimeout(() => controller.abort(), 100);
    const started = performance.now();
    const error = await failure(client.request({ url: `${server.base}/x`, signal: controller.signal }));
    expect(error.kind).to.equal("aborted");
    expect(performance.now() - started).to.be.below(4000);
    expect((await server.log()).length).to.equal(1);
  });

  it("sends the body as JSON and the caller's headers", async () => {
    const server = await faultScript({ status: 201, json: { ok: true } });
    await new HttpClient().request({ method: "POST", url: `${server.base}/x`, body: { rating: 5 }, headers: { Authorization: "Bearer t" } });
    const [entry] = await server.log();
    expect(entry!.body).to.equal('{"rating":5}');
    expect(entry!.authorization).to.equal("Bearer t");
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and dates, and ignores garbage", () => {
    expect(parseRetryAfter("3")).to.equal(3000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4000)).to.equal(6000);
    expect(parseRetryAfter("soon")).to.equal(undefined);
    expect(parseRetryAfter(null)).to.equal(undefined);
  });
});
