// The size the budgets are defined in (TOOLCHAIN.md): bytes of `gzip -9 -c`.
// Node's zlib at level 9 writes a different stream (≈ 130 bytes larger on the
// IIFE), so both the size gate and the benchmarks ask the gzip tool itself.
import { spawnSync } from "node:child_process";

/** Bytes of `gzip -9 -c` for `source`, the measure DESIGN.md budgets use. */
export function gzipSize(source: string | Uint8Array): number {
  const result = spawnSync("gzip", ["-9", "-c"], { input: source, maxBuffer: 64 * 1024 * 1024 });
  if (result.error || result.status !== 0) throw new Error(`gzip -9 failed: ${result.error?.message ?? result.stderr.toString()}`);
  return result.stdout.length;
}
