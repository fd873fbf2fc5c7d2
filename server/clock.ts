/**
 * A clock the demo and the tests can move forward, so a 14-day review window
 * can close on demand. Time still flows: `now()` is the real time plus an offset.
 */
export class Clock {
  #offsetMs = 0;
  readonly #realNow: () => number;

  constructor(realNow: () => number = Date.now) {
    this.#realNow = realNow;
  }

  now(): Date {
    return new Date(this.#realNow() + this.#offsetMs);
  }

  nowMs(): number {
    return this.#realNow() + this.#offsetMs;
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError("the clock only moves forward");
    this.#offsetMs += ms;
  }

  get offsetMs(): number {
    return this.#offsetMs;
  }
}

export const DAY_MS = 24 * 60 * 60 * 1000;
