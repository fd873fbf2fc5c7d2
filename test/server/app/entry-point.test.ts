import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { describe, it } from "node:test";
import { ROOT } from "./fixture.ts";

/** Starts `server/index.ts` as `npm start` does, with `env`; resolves with the URL it prints. */
function startEntryPoint(env: Record<string, string>): Promise<{ url: string; line: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: "0", HOST: "", DEMO_MODE: "", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout?.setEncoding("utf8");
    child.stdout?.on("data", (chunk: string) => {
      output += chunk;
      const match = /(http:\/\/\S+?)\/? \(demo controls (?:on|off)\)/.exec(output);
      if (match?.[1]) resolve({ url: match[1], line: output.trim(), child });
    });
    child.once("exit", (code) => reject(new Error(`server/index.ts exited with ${code}: ${output}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners("exit");
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

describe("npm start (server/index.ts)", () => {
  it("listens on 127.0.0.1 with the demo controls on by default", async () => {
    const { url, line, child } = await startEntryPoint({});
    try {
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.match(line, /demo controls on/);
      assert.equal((await fetch(`${url}/demo-api/marketplace/clock`)).status, 200);
    } finally {
      await stop(child);
    }
  });

  it("turns the demo controls off when told to", async () => {
    const { url, child } = await startEntryPoint({ DEMO_MODE: "0" });
    try {
      assert.equal((await fetch(`${url}/demo-api/marketplace/clock`)).status, 404);
      assert.equal((await fetch(`${url}/reviewsystem-api/v1/reviews`)).status, 200);
    } finally {
      await stop(child);
    }
  });
});
