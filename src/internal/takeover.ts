import { currentConfig } from "../core/config.js";
import { loadCatalog } from "../core/i18n/index.js";
import { type OnDemand, onDemand } from "./on-demand.js";

type Reader = OnDemand["server-state"];
let reader: Reader | null = null;

/**
 * A page with server-rendered elements (a state child in its HTML): loads the code that reads their
 * state, then waits one frame and for the page's languages (internal/server-state.ts `ready`) before the
 * tags are defined. Null on other pages: the tags are defined at once, and none of this is downloaded.
 */
export function serverRendered(): Promise<unknown> | null {
  if (!document.querySelector("script[data-review-widgets-state]")) return null;
  return onDemand("server-state", "server-rendered state").then((loaded) => (reader = loaded)?.ready(loadCatalog, currentConfig().locale));
}

/** The server-rendered state of `host`, read as `kind` accepts it (public reviews only); null when there is none. */
export function takeState<Kind extends "summaryState" | "listState">(host: Element, kind: Kind): ReturnType<Reader[Kind]> | null {
  return reader && (reader[kind](reader.readStateScript(host)) as ReturnType<Reader[Kind]>);
}
