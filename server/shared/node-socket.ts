import { getConnInfo } from "@hono/node-server/conninfo";
import type { SocketAddress } from "./client-address.ts";

/** The socket address on @hono/node-server; undefined when called in-process (app.request) without one. */
export const nodeSocketAddress: SocketAddress = (c) => {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
};
