// Finds the Chromium every browser test uses: $CHROME_PATH or Debian's /usr/bin/chromium.
// On a fresh machine where we are root and have apt-get, installs it (saying so);
// elsewhere stops with the one command that installs it.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export const CHROMIUM_FLAGS: string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

const INSTALL = "apt-get update && apt-get install -y chromium";

function hasCommand(name: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${name}`], { stdio: "ignore" }).status === 0;
}

export function ensureChromium(): string {
  const path = process.env["CHROME_PATH"] ?? "/usr/bin/chromium";
  if (existsSync(path)) return path;
  if (process.env["CHROME_PATH"]) {
    console.error(`CHROME_PATH points to ${path}, which does not exist. Fix CHROME_PATH, or unset it and run: sudo ${INSTALL}`);
    process.exit(1);
  }
  if (process.getuid?.() === 0 && hasCommand("apt-get")) {
    console.log(`Chromium is not installed; installing Debian's package now (${INSTALL}), about a minute…`);
    try {
      execFileSync("sh", ["-c", `${INSTALL} >/dev/null`], { stdio: ["ignore", "ignore", "inherit"] });
    } catch {
      console.error(`Installing Chromium failed. Run it yourself: ${INSTALL}`);
      process.exit(1);
    }
    if (existsSync(path)) return path;
  }
  console.error(`Chromium is needed for the browser tests and was not found at ${path}. Install it with: sudo ${INSTALL}  (or set CHROME_PATH)`);
  process.exit(1);
}
