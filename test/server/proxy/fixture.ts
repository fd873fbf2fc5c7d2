/** A real directory API and the proxy in front of it, each on its own port, plus a misbehaving upstream. */
import assert from "node:assert/strict";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Clock } from "../../../server/clock.ts";
import { DIRECTORY_DEMO } from "../../../server/directory/index.ts";
import { createProxy, type ProxyOptions } from "../../../server/proxy/index.ts";
import { nodeSocketAddress } from "../../../server/shared/node-socket.ts";
import { startDirectory, type DirectoryServer } from "../directory/fixture.ts";
import { call, listen, type Answer } from "../directory/listen.ts";

export const ALLOWED_ORIGIN = "https://shop.example";
export const OTHER_ORIGIN = "https://evil.example";
export const PROXY_KEY = DIRECTORY_DEMO.keys.proxy;
export const DIR = DIRECTORY_DEMO.directoryId;

export interface ProxyServer {
  origin: string;
  /** Absolute URL of `/directories/{directoryId}/reviews` on the proxy. */
  reviewsUrl(directoryId?: string): string;
  close(): Promise<void>;
}

export async function startProxy(options: Partial<ProxyOptions> & Pick<ProxyOptions, "upstreamBase" | "apiKey">): Promise<ProxyServer> {
  // The tests play clients by X-Forwarded-For, as if behind one trusted load balancer.
  const app = createProxy({ allowedOrigins: [ALLOWED_ORIGIN], trustedHops: 1, socketAddress: nodeSocketAddress, ...options });
  const running = await listen(app);
  return {
    origin: running.origin,
    reviewsUrl: (directoryId = DIR) => `${running.origin}/directories/${directoryId}/reviews`,
    close: running.close,
  };
}

export interface Stack {
  directory: DirectoryServer;
  proxy: ProxyServer;
  clock: Clock;
  close(): Promise<void>;
}

/** The directory API on one port and the proxy (holding the proxy key) on another. */
export async function startStack(options: Partial<ProxyOptions> = {}): Promise<Stack> {
  const directory = await startDirectory();
  const clock = options.clock ?? new Clock();
  const proxy = await startProxy({ upstreamBase: directory.apiBase, apiKey: PROXY_KEY, clock, ...options });
  return {
    directory,
    proxy,
    clock,
    async close() {
      await proxy.close();
      await directory.close();
    },
  };
}

/** Fails the test if `secret` appears anywhere in the raw answer: body or any header. */
export function assertNoSecret(answer: Answer, secret: string): void {
  assert.ok(!answer.text.includes(secret), `secret in body: ${answer.text.slice(0, 200)}`);
  answer.headers.forEach((value, name) => {
    assert.ok(!value.includes(secret) && !name.includes(secret), `secret in header ${name}`);
  });
}

// --- A misbehaving upstream -------------------------------------------------

export interface Recorded {
  method: string;
  url: string;
  authorization: string | undefined;
  body: string;
}

export interface FaultServer {
  origin: string;
  requests: Recorded[];
  close(): Promise<void>;
}

export type FaultHandler = (request: Recorded, response: ServerResponse) => void;

/** A plain node:http upstream whose behaviour the test decides, request by request. */
export function startFault(handler: FaultHandler): Promise<FaultServer> {
  const requests: Recorded[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const recorded: Recorded = {
        method: req.method ?? "",
        url: req.url ?? "",
        authorization: req.headers.authorization,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(recorded);
      handler(recorded, res);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        origin: `http://127.0.0.1:${port}`,
        requests,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(JSON.stringify(body));
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export { call };
