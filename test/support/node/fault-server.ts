/**
 * A scriptable misbehaving HTTP server for fault tests. A test registers a
 * script (`POST /__fault/scripts` with `{steps}`), then points a client at
 * `/__fault/run/<id>/…`: each request plays the next step (the last one
 * repeats) and is logged (`GET /__fault/log/<id>`). Steps act on the real
 * socket, so a hang-up is a real connection failure in the browser.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { FaultStep } from "../fault-step.ts";

export type { FaultStep };

interface Script {
  steps: FaultStep[];
  next: number;
  log: { method: string; url: string; at: number; authorization: string | null; idempotencyKey: string | null; body: string }[];
}

const scripts = new Map<string, Script>();
let counter = 0;

const PREFIX = "/__fault/";

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(JSON.stringify(value));
}

/** Handles `/__fault/…`; returns false for any other path. */
export async function handleFault(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const url = req.url ?? "";
  if (!url.startsWith(PREFIX)) return false;
  const [kind, id] = url.slice(PREFIX.length).split(/[/?]/);

  if (kind === "scripts" && req.method === "POST") {
    const { steps } = JSON.parse(await readBody(req)) as { steps: FaultStep[] };
    const scriptId = `s${++counter}`;
    scripts.set(scriptId, { steps, next: 0, log: [] });
    sendJson(res, 201, { id: scriptId, base: `${PREFIX}run/${scriptId}` });
    return true;
  }
  const script = id === undefined ? undefined : scripts.get(id);
  if (!script) {
    sendJson(res, 404, { detail: "no such fault script" });
    return true;
  }
  if (kind === "log") {
    sendJson(res, 200, script.log);
    return true;
  }

  const body = await readBody(req);
  script.log.push({
    method: req.method ?? "GET",
    url,
    at: Date.now(),
    authorization: req.headers.authorization ?? null,
    idempotencyKey: (req.headers["idempotency-key"] as string | undefined) ?? null,
    body,
  });
  const step = script.steps[Math.min(script.next, script.steps.length - 1)] ?? { status: 500 };
  script.next++;
  if (step.delayMs) await new Promise((resolve) => setTimeout(resolve, step.delayMs));
  if (step.hangup) {
    req.socket.destroy();
    return true;
  }
  const payload = step.text ?? (step.json === undefined ? "" : JSON.stringify(step.json));
  const headers = { "Content-Type": step.text === undefined ? "application/json" : "text/html", ...step.headers };
  if (step.truncate) {
    res.writeHead(step.status ?? 200, { ...headers, "Content-Length": String(Buffer.byteLength(payload)) });
    res.write(payload.slice(0, Math.floor(payload.length / 2)));
    setTimeout(() => req.socket.destroy(), 20);
    return true;
  }
  res.writeHead(step.status ?? 200, headers);
  res.end(payload);
  return true;
}
