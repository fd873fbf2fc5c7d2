/**
 * The README and docs/ link only to files that are in the repository (the seeds,
 * DESIGN.md and TOOLCHAIN.md are not, so what they say must be in the README itself).
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";

const documents = [
  "README.md",
  ...readdirSync("docs")
    .filter((name) => name.endsWith(".md"))
    .map((name) => join("docs", name)),
];

test("every relative link in the README and docs/ names a file in the repository", () => {
  const missing: string[] = [];
  let checked = 0;
  for (const document of documents) {
    const text = readFileSync(document, "utf8");
    for (const [, target = ""] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/i.test(target) || target.startsWith("#")) continue;
      checked += 1;
      const path = join(dirname(document), target.split("#")[0] ?? "");
      if (!existsSync(path)) missing.push(`${document} → ${target}`);
    }
  }
  assert.ok(checked > 0, "no relative links found: the pattern is wrong");
  assert.deepEqual(missing, []);
});

test("the README starts with the two set-up commands", () => {
  const firstBlock = /```sh\n([\s\S]*?)```/.exec(readFileSync("README.md", "utf8"))?.[1];
  assert.equal(firstBlock, "npm install && npm start\nnpm test\n");
});
