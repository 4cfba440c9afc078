/**
 * How `toNodeHandler` recognises a memberships handler: the handler function carries a
 * non-enumerable entry under a registered symbol, and the Node path serves it on Node's own request
 * and response objects instead of Fetch `Request`/`Response`. Its own module so `@roster/handler/node`
 * can look for it without loading the handler's logic.
 */
import type { MembershipsCore, Upstream } from './memberships-handler-core';

/**
 * The key of the entry. Registered (`Symbol.for`), so the handler's main entry and its `/node` entry
 * agree on it whatever bundle or copy of the package each comes from.
 */
export const MEMBERSHIPS_NODE_ENTRY: unique symbol = Symbol.for('@roster/handler.membershipsNodeEntry');

/** What the Node path needs from a memberships handler. */
export interface MembershipsNodeEntry {
  /** The handler's logic. */
  core: MembershipsCore;
  /** `options.apiUrl` without its trailing slashes. */
  apiUrl: string;
  /** Upstream through `options.fetch` when the user gave one (the Node path uses it then), else undefined. */
  userFetchUpstream: Upstream | undefined;
}

/** The memberships entry of a handler, if it is a memberships handler. */
export function membershipsNodeEntry(handler: unknown): MembershipsNodeEntry | undefined {
  if (typeof handler !== 'function') return undefined;
  return (handler as { [MEMBERSHIPS_NODE_ENTRY]?: MembershipsNodeEntry })[MEMBERSHIPS_NODE_ENTRY];
}
