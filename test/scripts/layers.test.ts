/**
 * The layers of src/: core (the domain: model, rules, store, the source
 * interface) at the bottom; api (the backends) and the elements above it,
 * neither reaching into the other except through internal/ (the wiring).
 */
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { test } from "node:test";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith(".ts") ? [path] : [];
  });
}

const edges = sources("src").flatMap((file) =>
  [...readFileSync(file, "utf8").matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)].map((match) => ({
    from: relative("src", file),
    to: relative("src", join(dirname(file), match[1] ?? "")),
  })),
);

test("nothing in core or the components imports from api", () => {
  assert.ok(edges.length > 100, "the walk found the imports");
  const upward = edges.filter(({ from, to }) => (from.startsWith("core/") || from.startsWith("components/")) && to.startsWith("api/"));
  assert.deepEqual(upward, []);
});

test("core imports nothing above it", () => {
  const upward = edges.filter(({ from, to }) => from.startsWith("core/") && !to.startsWith("core/"));
  assert.deepEqual(upward, []);
});

test("no backend is named outside src/api/ (elements and core read its traits)", () => {
  const named = sources("src")
    .filter((file) => !relative("src", file).startsWith("api/"))
    .flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line) && /["'](mindbricks|partnerpage)["']/.test(line))
        .map((line) => `${file}: ${line.trim()}`),
    );
  assert.deepEqual(named, []);
});

test("only the server entry (src/ssr) imports @lit-labs/ssr, a Labs package; nothing imports the server entry", () => {
  const files = sources("src");
  const labs = files.filter((file) => !relative("src", file).startsWith("ssr/") && /from\s+"@lit-labs\/ssr/.test(readFileSync(file, "utf8")));
  assert.deepEqual(labs, []);
  assert.ok(
    files.some((file) => relative("src", file).startsWith("ssr/") && /from\s+"@lit-labs\/ssr"/.test(readFileSync(file, "utf8"))),
    "the walk found the server entry",
  );
  assert.deepEqual(
    edges.filter(({ from, to }) => !from.startsWith("ssr/") && to.startsWith("ssr/")),
    [],
  );
});
