/**
 * The whole server as `npm start` runs it (pages, static files, every API),
 * started in-process on a free port, plus raw-socket helpers for what fetch
 * cannot do (forged Host headers, half-sent requests).
 */
import { request } from "node:http";
import { connect, type Socket } from "node:net";
import { fileURLToPath } from "node:url";
import { Clock } from "../../../server/clock.ts";
import { startServer, type ConnectionLimits } from "../../../server/serve.ts";

export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const MARKETPLACE = "/reviewsystem-api";
export const AUTH = "/auth-api";
export const DIRECTORY = "/partnerpage/api/directory/private/v1alpha";
export const DEMO_API = "/demo-api";
export const DEMO_DIRECTORY_LIST = `${DIRECTORY}/reviews/directory/demo-directory/`;

export interface Running {
  url: string;
  port: number;
  clock: Clock;
  close(): Promise<void>;
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** POST/PUT/PATCH with a JSON body. */
  send(method: string, path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  login(username: string, password?: string): Promise<Response>;
}

export async function start(options: { demo?: boolean; limits?: ConnectionLimits; clock?: Clock } = {}): Promise<Running> {
  const clock = options.clock ?? new Clock();
  const server = await startServer({ root: ROOT, clock, ...(options.demo ? { demo: true } : {}), ...(options.limits ? { limits: options.limits } : {}) });
  const port = Number(new URL(server.url).port);
  const fetchPath = (path: string, init?: RequestInit) => fetch(server.url + path, init);
  const send = (method: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetchPath(path, { method, headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify(body) });
  return {
    url: server.url,
    port,
    clock,
    close: () => server.close(),
    fetch: fetchPath,
    send,
    login: (username, password = "demo") => send("POST", `${AUTH}/login`, { username, password }),
  };
}

/** A GET with headers fetch refuses to set (Host). */
export function rawGet(
  port: number,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, method: "GET", headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** Opens a TCP connection and writes `text` (e.g. half a request). */
export function openSocket(port: number, text = ""): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => {
      if (text) socket.write(text);
      resolve(socket);
    });
    socket.on("error", reject);
  });
}

/** Resolves with what the server wrote once it closes the connection; rejects after `ms`. */
export function closedBy(socket: Socket, ms: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let received = "";
    const timer = setTimeout(() => reject(new Error(`socket still open after ${ms} ms`)), ms);
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (received += chunk));
    socket.on("error", () => undefined);
    socket.on("close", () => {
      clearTimeout(timer);
      resolve(received);
    });
  });
}

/**
 * Runs `action` with console.warn/error captured; returns the lines. With `until`, keeps capturing
 * after the action until the lines satisfy it (a definite signal, not a fixed wait; 10 s at most).
 */
export async function captureLogs(action: () => Promise<void>, until?: (lines: readonly string[]) => boolean): Promise<string[]> {
  const lines: string[] = [];
  const { warn, error, info } = console;
  const keep = (...args: unknown[]) => void lines.push(args.map(String).join(" "));
  console.warn = keep;
  console.error = keep;
  console.info = keep;
  try {
    await action();
    for (const deadline = Date.now() + 10_000; until && !until(lines) && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 20));
  } finally {
    Object.assign(console, { warn, error, info });
  }
  return lines;
}
