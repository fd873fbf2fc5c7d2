import type { ReactiveController, ReactiveControllerHost } from "lit";
import { ApiError, isAbort } from "../core/errors.js";
import { pageConfigured } from "../core/page-ready.js";

export type LoadStatus = "initial" | "pending" | "complete" | "error";

export interface LoaderOptions<T> {
  /** The work; must honour `signal`. */
  task: (signal: AbortSignal) => Promise<T>;
  /** What the work depends on; null while it cannot run yet (missing attributes, lazy and off-screen). */
  args: () => readonly unknown[] | null;
  /**
   * What is shown, e.g. which reviewee from which source. A run for the same
   * subject (a sign-in, a review written elsewhere) keeps the value on screen
   * until the new one arrives: no skeleton, and no DOM torn down and rebuilt.
   */
  subject?: () => string;
  onComplete?: (value: T) => void;
  onError?: (error: ApiError) => void;
}

/**
 * Runs an element's fetch the way @lit/task does, trimmed to what we need:
 * it starts after the element is connected and its arguments are ready, a run
 * with new arguments aborts the older one, and disconnecting aborts it too.
 * Render states: initial | pending | complete | error.
 */
export class Loader<T> implements ReactiveController {
  status: LoadStatus = "initial";
  value: T | undefined;
  error: ApiError | undefined;
  readonly #host: ReactiveControllerHost;
  readonly #options: LoaderOptions<T>;
  #lastArgs: readonly unknown[] | null = null;
  #controller: AbortController | undefined;
  #connected = false;
  #subject: string | undefined;

  constructor(host: ReactiveControllerHost, options: LoaderOptions<T>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
  }

  hostUpdate(): void {
    // A detached element still updates (e.g. when an aborted run settles); it must not fetch again.
    if (!this.#connected) return;
    const args = this.#options.args();
    if (args === null || sameArgs(args, this.#lastArgs)) return;
    this.#lastArgs = args;
    void this.run();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#controller?.abort();
    this.#controller = undefined;
    // Reconnecting (e.g. moving the element) loads afresh.
    this.#lastArgs = null;
    if (this.status === "pending") this.status = "initial";
  }

  /** Runs now (retry button, configuration change), aborting a run in flight. */
  async run(): Promise<void> {
    this.#controller?.abort();
    const controller = (this.#controller = new AbortController());
    const subject = this.#options.subject?.();
    const reload = this.status === "complete" && subject !== undefined && subject === this.#subject;
    this.#subject = subject;
    if (!reload) {
      this.status = "pending";
      this.error = undefined;
      this.#host.requestUpdate();
    }
    try {
      // Elements upgraded while the page is still configuring itself start once it is done (core/page-ready.ts).
      const configuring = pageConfigured();
      if (configuring) await configuring;
      if (controller.signal.aborted) return;
      const value = await this.#options.task(controller.signal);
      if (controller.signal.aborted) return;
      this.value = value;
      this.status = "complete";
      this.#options.onComplete?.(value);
    } catch (error) {
      if (controller.signal.aborted || isAbort(error)) return;
      this.error = ApiError.from(error);
      this.status = "error";
      this.#options.onError?.(this.error);
    } finally {
      if (this.#controller === controller) this.#controller = undefined;
      this.#host.requestUpdate();
    }
  }
}

function sameArgs(a: readonly unknown[], b: readonly unknown[] | null): boolean {
  return b !== null && a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}
