import type { QueryParams } from './request-input';

/** What a route handler receives. */
export interface RouteContext {
  request: Request;
  /** Decoded path parameters, e.g. `{ organizationId: 'org_1' }`. */
  params: Record<string, string>;
  query: QueryParams;
}

/** A route handler: returns the JSON body to send with 200, or throws a `ClerkHttpError`. */
export type RouteHandler = (context: RouteContext) => unknown;

interface Route {
  method: string;
  segments: string[];
  handler: RouteHandler;
}

/** The result of matching a request: a handler, or why there is none. */
export type RouteMatch =
  | { kind: 'found'; handler: RouteHandler; params: Record<string, string> }
  | { kind: 'not-found' }
  | { kind: 'method-not-allowed'; allowed: string[] };

/**
 * A tiny router: patterns like `/organizations/:organizationId/memberships`, literal segments win
 * over parameters (so `/users/count` is not `/users/:userId`).
 */
export class Router {
  private readonly routes: Route[] = [];

  /** Adds a route. */
  add(method: string, pattern: string, handler: RouteHandler): this {
    this.routes.push({ method, segments: pattern.split('/').filter(Boolean), handler });
    return this;
  }

  /** Finds the route for a method and a path (relative to the API root). */
  match(method: string, path: string): RouteMatch {
    const parts = path.split('/').filter(Boolean);
    let decoded: string[];
    try {
      decoded = parts.map((part) => decodeURIComponent(part));
    } catch {
      return { kind: 'not-found' };
    }
    const candidates: { route: Route; params: Record<string, string>; literals: number }[] = [];
    for (const route of this.routes) {
      const params = matchSegments(route.segments, decoded);
      if (params) {
        const literals = route.segments.filter((segment) => !segment.startsWith(':')).length;
        candidates.push({ route, params, literals });
      }
    }
    if (candidates.length === 0) return { kind: 'not-found' };
    const best = Math.max(...candidates.map((c) => c.literals));
    const shapes = candidates.filter((c) => c.literals === best);
    const hit = shapes.find((c) => c.route.method === method);
    if (!hit) return { kind: 'method-not-allowed', allowed: shapes.map((c) => c.route.method) };
    return { kind: 'found', handler: hit.route.handler, params: hit.params };
  }
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | undefined {
  if (pattern.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i += 1) {
    const segment = pattern[i] as string;
    const part = parts[i] as string;
    if (segment.startsWith(':')) params[segment.slice(1)] = part;
    else if (segment !== part) return undefined;
  }
  return params;
}
