/**
 * A private redis-server for tests: its own free port on 127.0.0.1, nothing
 * written to disk, stopped afterwards. Never the system's 6379: other
 * engineers' tests may be running on the same machine.
 *
 * Without redis-server the Redis tests are skipped with the reason and the
 * install command — except in CI (CI=true), where they must fail instead, so
 * a broken CI image cannot pass by silently testing less.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";

export const REDIS_SERVER = process.env["REDIS_SERVER"] ?? "/usr/bin/redis-server";
export const INSTALL_REDIS = "apt-get install -y redis-server";
const START_TIMEOUT_MS = 5000;

/** The `skip` option for a describe/it that needs Redis: false when the tests must run (or must fail, in CI). */
export function redisSkip(): string | false {
  if (existsSync(REDIS_SERVER) || process.env["CI"] === "true") return false;
  const reason = `redis-server not found at ${REDIS_SERVER}; Redis tests skipped (install: ${INSTALL_REDIS})`;
  if (!warned) sayToTheRunner(`SKIPPED: ${reason}\n`);
  warned = true;
  return reason;
}
let warned = false;

/**
 * `node --test` runs each file in a child and its dot reporter drops the
 * child's stderr and skip reasons; on Linux the runner's own stderr is
 * reachable through /proc, so the note reaches whoever ran the tests.
 */
function sayToTheRunner(text: string): void {
  try {
    if (process.env["NODE_TEST_CONTEXT"] === undefined) throw new Error("not under the runner");
    writeFileSync(`/proc/${process.ppid}/fd/2`, text, { flag: "a" });
  } catch {
    process.stderr.write(text);
  }
}

export interface RedisServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function launch(port: number): Promise<ChildProcess> {
  const child = spawn(REDIS_SERVER, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`redis-server did not start within ${START_TIMEOUT_MS} ms: ${output.slice(-500)}`));
    }, START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      if (output.includes("Ready to accept connections")) {
        clearTimeout(timer);
        child.stdout?.off("data", onData);
        child.stdout?.resume();
        resolve(child);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code}: ${output.slice(-500)}`));
    });
  });
}

/** Starts redis-server on a free port (retrying if another process takes the port first). */
export async function startRedis(): Promise<RedisServer> {
  if (!existsSync(REDIS_SERVER)) {
    throw new Error(`redis-server not found at ${REDIS_SERVER}; CI requires it (install: ${INSTALL_REDIS})`);
  }
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    try {
      const child = await launch(port);
      const stopOnExit = () => child.kill("SIGKILL");
      process.once("exit", stopOnExit);
      return {
        port,
        url: `redis://127.0.0.1:${port}`,
        stop: () =>
          new Promise<void>((resolve) => {
            process.off("exit", stopOnExit);
            if (child.exitCode !== null) return resolve();
            child.once("exit", () => resolve());
            child.kill("SIGTERM");
          }),
      };
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}
