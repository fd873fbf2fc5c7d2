import type { ReactiveController, ReactiveControllerHost } from "lit";
import { ApiError, isAbort } from "../core/errors.js";
import { pageConfigured } from "../core/page-ready.js";

/** Each element's loader, for the server renderer (src/ssr), which runs it outside the element's life cycle. */
export const loaders = new WeakMap<object, { load(): Promise<unknown> | null }>();

export type LoadStatus = "initial" | "pending" | "complete" | "error";

export interface LoaderOptions<T, A extends readonly unknown[]> {
  /** The work, given its arguments; must honour `signal`. */
  task: (args: A, signal: AbortSignal) => Promise<T>;
  /** What the work depends on, passed to it; null while it cannot run yet (missing attributes, lazy and off-screen). */
  args: () => A | null;
  /**
   * What is shown, e.g. which reviewee from which source. A run for the same
   * subject (a sign-in, a review written elsewhere) keeps the value on screen
   * until the new one arrives: no skeleton, and no DOM torn down and rebuilt.
   */
  subject?: () => string;
  onComplete?: (value: T) => void;
  onError?: (error: ApiError) => void;
}

/** What to render in each state (as @lit/task's `render`); `initial` defaults to `pending`. */
export interface LoaderRenderer<T, R> {
  initial?: () => R;
  pending: () => R;
  complete: (value: T) => R;
  error: (error: ApiError) => R;
}

/**
 * Runs an element's fetch the way @lit/task does, trimmed to what we need:
 * it starts after the element is connected and its arguments are ready (and
 * passes them to the task), a run with new arguments aborts the older one, and
 * disconnecting aborts it too. Render states: initial | pending | complete | error.
 */
export class Loader<T, A extends readonly unknown[] = readonly unknown[]> implements ReactiveController {
  status: LoadStatus = "initial";
  value: T | undefined;
  error: ApiError | undefined;
  readonly #host: ReactiveControllerHost;
  readonly #options: LoaderOptions<T, A>;
  #lastArgs: A | null = null;
  #controller: AbortController | undefined;
  #connected = false;
  #subject: string | undefined;
  #waiting: { resolve: (value: T) => void; reject: (error: ApiError) => void }[] = [];
  /** A value rendered on the server, shown as loaded: the first arguments are taken as its own, not fetched. */
  #preset = false;

  constructor(host: ReactiveControllerHost, options: LoaderOptions<T, A>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
    loaders.set(host, this);
  }

  hostConnected(): void {
    this.#connected = true;
  }

  hostUpdate(): void {
    // A detached element still updates (e.g. when an aborted run settles); it must not fetch again.
    if (!this.#connected) return;
    const args = this.#options.args();
    if (args === null || sameArgs(args, this.#lastArgs)) return;
    if (this.#preset) {
      this.#preset = false;
      this.#lastArgs = args;
      this.#subject = this.#options.subject?.();
      this.#options.onComplete?.(this.value as T);
      return;
    }
    void this.run();
  }

  /**
   * Shows `value` as loaded without fetching it (data rendered on the server): `onComplete` runs once the
   * arguments are ready, and a later change of them (a sign-in, another reviewee) loads as usual.
   */
  preset(value: T): void {
    this.value = value;
    this.status = "complete";
    this.#preset = true;
    this.#host.requestUpdate();
  }

  /** Runs the task once with the current arguments, outside the element's life cycle (server rendering); null while they are missing. */
  load(): Promise<T> | null {
    const args = this.#options.args();
    return args && this.#options.task(args, new AbortController().signal);
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#controller?.abort();
    this.#controller = undefined;
    // Reconnecting (e.g. moving the element) loads afresh.
    this.#lastArgs = null;
    if (this.status === "pending") this.status = "initial";
  }

  /** What to render now: `renderer`'s function for the current state. */
  render<R>(renderer: LoaderRenderer<T, R>): R {
    switch (this.status) {
      case "complete":
        return renderer.complete(this.value as T);
      case "error":
        return renderer.error(this.error as ApiError);
      case "initial":
        return (renderer.initial ?? renderer.pending)();
      default:
        return renderer.pending();
    }
  }

  /** The value of the run in flight (or the last one), as @lit/task's `taskComplete`: rejects with its error. */
  get taskComplete(): Promise<T> {
    if (this.status === "complete") return Promise.resolve(this.value as T);
    if (this.status === "error") return Promise.reject(this.error);
    return new Promise((resolve, reject) => this.#waiting.push({ resolve, reject }));
  }

  /** Runs now (retry button, configuration change), aborting a run in flight; not while its arguments are missing. */
  async run(): Promise<void> {
    const args = this.#options.args();
    if (args === null) return;
    this.#lastArgs = args;
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
      const value = await this.#options.task(args, controller.signal);
      if (controller.signal.aborted) return;
      this.value = value;
      this.status = "complete";
      this.#options.onComplete?.(value);
      for (const waiting of this.#waiting.splice(0)) waiting.resolve(value);
    } catch (error) {
      if (controller.signal.aborted || isAbort(error)) return;
      const failure = (this.error = ApiError.from(error));
      this.status = "error";
      this.#options.onError?.(failure);
      for (const waiting of this.#waiting.splice(0)) waiting.reject(failure);
    } finally {
      if (this.#controller === controller) this.#controller = undefined;
      this.#host.requestUpdate();
    }
  }
}

function sameArgs(a: readonly unknown[], b: readonly unknown[] | null): boolean {
  return b !== null && a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}
