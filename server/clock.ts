/**
 * A clock the demo and the tests can move forward, so a 14-day review window
 * can close on demand. Time still flows: `now()` is the real time plus an offset.
 * The offset is bounded, so no amount of advancing pushes dates past what a
 * JS Date (and every client's date parser) can represent.
 */
export const DAY_MS = 24 * 60 * 60 * 1000;
/** How far ahead of real time the clock may ever get: a year covers every demo story. */
export const MAX_CLOCK_OFFSET_MS = 366 * DAY_MS;

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

  /** The time source without the demo's offset: for lifetimes a demo skip-ahead must not cut short. */
  realNowMs(): number {
    return this.#realNow();
  }

  /** Moves the clock forward; a RangeError (nothing moved) past MAX_CLOCK_OFFSET_MS in total. */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError("the clock only moves forward");
    if (this.#offsetMs + ms > MAX_CLOCK_OFFSET_MS) throw new RangeError("the clock may not move further ahead");
    this.#offsetMs += ms;
  }

  /** Back to real time. */
  reset(): void {
    this.#offsetMs = 0;
  }

  get offsetMs(): number {
    return this.#offsetMs;
  }
}
