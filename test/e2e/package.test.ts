import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, describe, it } from "node:test";
import { e2e, partText, settled } from "./harness.ts";

/**
 * `npm pack` yields a package that a fresh Vite app can install, typecheck
 * against and use. Needs the build (npm test's e2e step builds first) and the
 * npm registry (or its cache) for lit.
 */
const { open } = e2e();
const repo = resolve(".");
const app = mkdtempSync(join(tmpdir(), "review-widgets-app-"));
after(() => rmSync(app, { recursive: true, force: true }));

const run = (command: string, args: string[], cwd = app) => execFileSync(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });

describe("the npm package", () => {
  it("installs into a fresh Vite app, typechecks, builds and renders", async () => {
    run("npm", ["pack", "--silent", "--pack-destination", app], repo);
    const tarball = readdirSync(app).find((name) => name.endsWith(".tgz"));
    assert.ok(tarball, "npm pack made a tarball");
    const listing = run("tar", ["-tzf", tarball!]);
    for (const file of ["package/dist/index.js", "package/dist/define.js", "package/dist/review-widgets.js", "package/dist/types/index.d.ts", "package/custom-elements.json"]) {
      assert.ok(listing.includes(file), `${file} is in the package`);
    }
    assert.ok(!listing.includes("package/src/"), "sources stay out of the package");

    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "fresh-app", private: true, type: "module" }));
    run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--silent", `./${tarball}`]);
    writeFileSync(
      join(app, "index.html"),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>app</title><script type="module" src="./main.ts"></script></head>
       <body><rating-summary reviewee-id="20000000-0000-4000-8000-000000000001" show-distribution></rating-summary></body></html>`,
    );
    writeFileSync(
      join(app, "main.ts"),
      `import "review-widgets/define";
       import { configure, RatingSummary, type Review } from "review-widgets";
       import { structuredData } from "review-widgets/structured-data";
       configure({ apiBase: "/reviewsystem-api" });
       const summary: RatingSummary | null = document.querySelector("rating-summary");
       summary?.addEventListener("review-load", (event) => { (window as unknown as { loaded: number }).loaded = event.detail.count; });
       export const reviews: Review[] = [];
       export const data = structuredData("mindbricks", { name: "x" }, null, reviews);
      `,
    );
    writeFileSync(
      join(app, "tsconfig.json"),
      JSON.stringify({ compilerOptions: { target: "ES2022", module: "ESNext", moduleResolution: "Bundler", strict: true, noEmit: true, lib: ["ES2022", "DOM"], skipLibCheck: false, types: [] }, include: ["main.ts"] }),
    );
    run(join(repo, "node_modules/.bin/tsc"), ["-p", "tsconfig.json"]);
    run(process.execPath, [join(repo, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "error", "--base", "/app/"]);

    const page = await open("/languages.html");
    await page.route("**/app/**", (route) => {
      const path = new URL(route.request().url()).pathname.replace(/^\/app\//, "") || "index.html";
      const type = path.endsWith(".js") ? "text/javascript" : "text/html";
      route.fulfill({ contentType: type, body: readFileSync(join(app, "dist", path), "utf8") });
    });
    await page.goto(new URL("/app/index.html", page.url()).href);
    await settled(page);
    assert.equal(await partText(page, "rating-summary", "count"), "24 reviews");
    assert.equal(await page.evaluate(() => (window as unknown as { loaded: number }).loaded), 24);
    assert.deepEqual(page.problems, []);
  });
});
