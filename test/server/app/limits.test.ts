import assert from "node:assert/strict";
import { request } from "node:http";
import { after, before, describe, it } from "node:test";
import { MAX_BODY_BYTES } from "../../../server/shared/body-limit.ts";
import { AUTH, DEMO_DIRECTORY_LIST, MARKETPLACE, captureLogs, closedBy, openSocket, start, type Running } from "./fixture.ts";

const ADMIN_KEY = "demo-admin-key";
const ENTRY = "688509ac-f67f-4dd2-9232-97951263b765";

/** POSTs a chunked body (no Content-Length to trust) of up to `bytes`; resolves with the status once the server answers. */
function postChunked(port: number, path: string, bytes: number, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, method: "POST", agent: false, headers: { "Content-Type": "application/json", ...headers } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", () => undefined);
    const chunk = Buffer.alloc(16 * 1024, 0x20);
    let sent = 0;
    const pump = () => {
      while (sent < bytes && !req.destroyed) {
        sent += chunk.byteLength;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!req.destroyed) req.end();
    };
    pump();
    setTimeout(() => reject(new Error("no answer")), 5000).unref();
  });
}

describe("request size limits", () => {
  let server: Running;
  before(async () => (server = await start()));
  after(() => server.close());

  it("refuse an oversized sign-in body unread, in the seed-003 error body", async () => {
    const big = JSON.stringify({ username: "x".repeat(400 * 1024), password: "demo" });
    const response = await server.fetch(`${AUTH}/login`, { method: "POST", headers: { "Content-Type": "application/json" }, body: big });
    assert.equal(response.status, 413);
    const body = (await response.json()) as Record<string, unknown>;
    assert.equal(body["result"], "ERR");
    assert.equal(body["message"], "errMsg_requestBodyTooLarge");
  });

  it("refuse an oversized chunked body as soon as it passes the cap, on every API", async () => {
    const bytes = 4 * MAX_BODY_BYTES;
    assert.equal((await postChunked(server.port, `${MARKETPLACE}/v1/reviews`, bytes)).status, 413);
    const directory = await postChunked(server.port, DEMO_DIRECTORY_LIST, bytes, { Authorization: ADMIN_KEY });
    assert.equal(directory.status, 413);
    assert.match((JSON.parse(directory.body) as { detail: string }).detail, /too large/);
    assert.equal((await postChunked(server.port, "/directory-proxy/directories/demo-directory/reviews", bytes)).status, 413);
    assert.equal((await postChunked(server.port, "/no-such-page", bytes)).status, 413);
  });

  it("keep the per-field limits: review text 2000 characters, directory names 150", async () => {
    const summary = await server.send(
      "POST",
      DEMO_DIRECTORY_LIST,
      { entry_id: ENTRY, summary: "Good work.", first_name: "N".repeat(151), last_name: "B", email: "a@b.test", rating: 5 },
      { Authorization: ADMIN_KEY },
    );
    assert.equal(summary.status, 400);
    assert.deepEqual(await summary.json(), { first_name: ["Ensure this field has no more than 150 characters."] });
  });
});

describe("slow and vanishing clients", () => {
  let server: Running;
  before(async () => (server = await start({ limits: { headersTimeoutMs: 300, requestTimeoutMs: 600, maxConnectionsPerAddress: 3 } })));
  after(() => server.close());

  it("closes a connection whose headers never finish", async () => {
    const socket = await openSocket(server.port, "GET / HTTP/1.1\r\nHost: x\r\n");
    const answer = await closedBy(socket, 3000);
    assert.match(answer, /^HTTP\/1\.1 408|^$/);
  });

  it("closes a connection whose body never finishes", async () => {
    const socket = await openSocket(
      server.port,
      `POST ${AUTH}/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"user`,
    );
    await closedBy(socket, 3000);
  });

  it("holds at most the configured number of connections per address", async () => {
    const sockets = await Promise.all([1, 2, 3].map(() => openSocket(server.port)));
    const fourth = await openSocket(server.port);
    assert.equal(await closedBy(fourth, 2000), "", "closed without an answer");
    for (const socket of sockets) socket.destroy();
    // Room again once the server has seen them close (asked until it answers; a busy machine may take a moment).
    let status = 0;
    for (const deadline = Date.now() + 5000; status !== 200 && Date.now() < deadline; ) {
      status = await server.fetch(`${MARKETPLACE}/v1/reviews`).then(
        (response) => response.status,
        () => 0,
      );
    }
    assert.equal(status, 200, "room again once they close");
  });

  it("logs an aborted upload as one line, without a stack trace", async () => {
    const lines = await captureLogs(
      async () => {
        const socket = await openSocket(
          server.port,
          `POST ${AUTH}/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"a":`,
        );
        // Let the server start reading the body (it has the headers), then hang up mid-upload.
        await new Promise((resolve) => setTimeout(resolve, 100));
        socket.destroy();
      },
      (logged) => logged.length > 0,
    );
    assert.equal(lines.length, 1, lines.join("\n"));
    assert.match(lines[0] ?? "", /POST \/auth-api\/login: the client closed the connection/);
    assert.ok(!/\n\s+at /.test(lines[0] ?? ""), "no stack trace");
  });
});
