/**
 * The proxy is a Fetch-API app: no Node-only import, and it runs through
 * `app.fetch` alone (as on Deno, Bun or a worker), with the runtime's socket
 * address injected.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { PATHS, createApp } from "../../../server/app.ts";
import { DIRECTORY_DEMO } from "../../../server/directory/index.ts";
import { createProxy } from "../../../server/proxy/index.ts";

const ENTRY = DIRECTORY_DEMO.entries[1];
assert.ok(ENTRY);

function importsOf(entry: string): string[] {
  const seen = new Set<string>();
  const packages: string[] = [];
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, line = "", specifier = ""] of readFileSync(file, "utf8").matchAll(/^(import(?!\s+type)[^"]*|export[^"]*from\s*)"([^"]+)"/gm)) {
      if (specifier.startsWith(".")) visit(join(dirname(file), specifier));
      else if (!line.startsWith("import type")) packages.push(specifier);
    }
  };
  visit(entry);
  return packages;
}

describe("the proxy on any Fetch runtime", () => {
  it("imports nothing Node-only (its state on Redis is a module of its own)", () => {
    const packages = importsOf("server/proxy/index.ts");
    assert.ok(packages.includes("hono"), "the walk found the proxy's imports");
    assert.deepEqual(
      packages.filter((name) => name.startsWith("node:") || name.startsWith("@hono/node-server") || name === "ioredis"),
      [],
    );
  });

  it("reads and submits through app.fetch alone, telling clients apart by the injected socket address", async () => {
    const reference = createApp();
    let address = "203.0.113.1";
    const proxy = createProxy({
      upstreamBase: `https://upstream.example${PATHS.directory}`,
      fetch: async (request) => reference.fetch(request),
      apiKey: DIRECTORY_DEMO.keys.proxy,
      allowedOrigins: [],
      socketAddress: () => address,
      rateLimit: { max: 1, windowMs: 60_000 },
    });
    const url = `https://proxy.example/directories/${DIRECTORY_DEMO.directoryId}/reviews`;
    const read = await proxy.fetch(new Request(`${url}?entry_id=${ENTRY.id}`));
    assert.equal(read.status, 200);
    assert.ok(Array.isArray(((await read.json()) as { results?: unknown }).results));

    const submit = (summary: string) =>
      proxy.fetch(
        new Request(url, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({
            entry_id: ENTRY.id,
            title: "Fine",
            company: "Acme",
            summary,
            first_name: "Jo",
            last_name: "Ng",
            email: "jo@example.com",
            rating: 4,
          }),
        }),
      );
    assert.equal((await submit("The first review from this address, long enough.")).status, 201);
    assert.equal((await submit("A second one from the same address, also long enough.")).status, 429);
    address = "203.0.113.2";
    assert.equal((await submit("Another client, told apart by its socket address.")).status, 201);
  });
});
