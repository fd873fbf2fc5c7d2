/**
 * Randomness for the server, in one place: unpredictable values (tokens,
 * ids) from the platform's CSPRNG, and a seeded generator for seed data that
 * must come out the same on every start.
 */

/** `bytes` random bytes as lowercase hex. */
export function randomHex(bytes: number): string {
  const buffer = new Uint8Array(bytes);
  crypto.getRandomValues(buffer);
  return Array.from(buffer, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** A random version-4 UUID: ids of records created at run time, never guessable from a neighbour. */
export function randomUuid(): string {
  return crypto.randomUUID();
}

/** mulberry32: tiny, fast, and good enough for seed data (never for secrets). Floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A UUID (version 4 layout) drawn from `next`: seed records get ids that are
 * stable across starts yet do not count up, so no id tells its neighbours.
 */
export function uuidFrom(next: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16));
  hex[12] = "4";
  hex[16] = ((Math.floor(next() * 16) & 0x3) | 0x8).toString(16);
  const h = hex.join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
