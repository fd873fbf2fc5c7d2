import type { SourceKind } from "../core/model.js";
import type { ModerationSource, ReviewSource } from "./source.js";

type Lazy<T> = T extends ReviewSource | ModerationSource ? T : never;

/**
 * A source whose backend module is imported on the first call, so an element
 * can hold its source synchronously while the backend's code (adapters,
 * schemas) loads only when a page first asks it for data. Every method of the
 * interface forwards to the loaded source; a failed load is not kept, so the
 * next call tries again.
 */
export function lazySource<T extends ReviewSource | ModerationSource>(kind: SourceKind, load: () => Promise<T>): Lazy<T> {
  let loaded: Promise<T> | undefined;
  const withSource = (): Promise<T> => {
    const current = (loaded ??= load());
    current.catch(() => {
      if (loaded === current) loaded = undefined;
    });
    return current;
  };
  return new Proxy({ kind } as Lazy<T>, {
    get: (target, name) =>
      name in target
        ? target[name as keyof typeof target]
        : (...args: unknown[]) => withSource().then((source) => (source[name as keyof T] as (...a: unknown[]) => unknown)(...args)),
  });
}
