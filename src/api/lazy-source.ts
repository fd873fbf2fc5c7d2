import type { SourceKind } from "../core/model.js";

/** Runs `use` on the loaded value, loading it on the first call; a failed load is not kept, so the next call tries again. */
function lazily<T>(load: () => Promise<T>): <R>(use: (value: T) => Promise<R>) => Promise<R> {
  let loaded: Promise<T> | undefined;
  return (use) => {
    const current = (loaded ??= load());
    current.catch(() => {
      if (loaded === current) loaded = undefined;
    });
    return current.then(use);
  };
}

type Method = (...args: unknown[]) => Promise<unknown>;

/**
 * A source (public or moderation) whose backend module is imported on the
 * first call, so an element can hold its source synchronously while the
 * backend's code (adapters, schemas) loads only when a page first asks it for
 * data. Every method of the interface is forwarded, whatever it is called: one
 * small wrapper for both interfaces, however many methods they grow. It is not
 * a thenable (`then` is absent), so it can be returned from async code.
 */
export function lazySource<S extends { readonly kind: SourceKind }>(kind: SourceKind, load: () => Promise<S>): S {
  const run = lazily(load);
  return new Proxy({ kind } as S, {
    get: (target, name) =>
      name === "kind" || typeof name !== "string" || name === "then"
        ? target[name as keyof S]
        : (...args: unknown[]) => run((source) => (source[name as keyof S] as Method)(...args)),
  });
}
