import { verifyToken } from '@clerk/backend';
import { DEFAULT_ROLES, rolePermissionKeys } from '@roster/core';
import type { MembershipsHandlerAuthorize, MembershipsHandlerCaller } from './memberships-handler';

/** Options of {@link clerkAuthorize}. */
export interface ClerkAuthorizeOptions {
  /**
   * The instance's PEM public key (Clerk Dashboard, API keys, "JWT public key"): tokens are then
   * verified with no network call. Recommended.
   */
  jwtKey?: string;
  /** Without `jwtKey`, the secret key is used to fetch (and cache) the instance's JWKS. */
  secretKey?: string;
  /** The Backend API the JWKS is fetched from when `jwtKey` is not given (default Clerk's). */
  apiUrl?: string;
  /**
   * Origins your app is served from, checked against the token's `azp` claim (protects against a
   * session cookie leaking to a sibling subdomain). Without it any `azp` passes; with
   * `NODE_ENV=production` and no `authorizedParties`, `clerkAuthorize` warns once (`console.warn`).
   */
  authorizedParties?: string[];
  /**
   * Expected `aud` claim, when your session token template sets one. When given, a token without
   * an `aud` claim is refused too (Clerk's `verifyToken` alone lets it pass).
   */
  audience?: string | string[];
  /**
   * Accepted `iss` claims, e.g. `https://clerk.example.com` (your Frontend API URL). Default: any
   * `iss`, because the signature already binds a token to your instance's key; set it to also refuse
   * a token signed by that key for another issuer.
   */
  issuer?: string | readonly string[];
  /** Allowed clock difference with Clerk when checking `exp`/`nbf`/`iat`, in ms (default 5000). */
  clockSkewInMs?: number;
  /**
   * Permissions each role grants, added to those the token carries. Clerk's session tokens do not
   * list system permissions (`org:sys_*`), so the handler derives them from the role. Default:
   * Clerk's default roles (`org:admin` reads and manages members, `org:member` reads them); add your
   * custom roles here.
   */
  rolePermissions?: Readonly<Record<string, readonly string[]>>;
  /** The cookie holding the session token (default `__session`, Clerk's). */
  cookieName?: string;
}

/** The organization part of verified session token claims, both token versions decoded. */
export interface ClerkSessionOrganization {
  organizationId: string | null;
  /** The role key, e.g. `org:admin`. */
  role: string | null;
  /** The permissions the token lists (custom permissions; never system ones). */
  permissions: string[];
}

const DEFAULT_ROLE_PERMISSIONS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  DEFAULT_ROLES.map((role) => [role.key, rolePermissionKeys(role)]),
);

function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index === -1) continue;
    if (part.slice(0, index).trim() === name) {
      const value = part.slice(index + 1).trim();
      try {
        return decodeURIComponent(value);
      } catch {
        return value;
      }
    }
  }
  return null;
}

/** The session token of a request: the session cookie first, else `Authorization: Bearer`. */
export function readSessionToken(request: Request, cookieName = '__session'): string | null {
  const fromCookie = readCookie(request.headers.get('cookie'), cookieName);
  if (fromCookie) return fromCookie;
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '');
  return match?.[1] ?? null;
}

/** Turns a decimal string into its bits, least significant first (`fpm` entries can exceed 2^53). */
function decimalToBits(decimal: string): number[] {
  let value = BigInt(decimal);
  const bits: number[] = [];
  while (value > 0n) {
    bits.push(Number(value & 1n));
    value >>= 1n;
  }
  return bits;
}

/** Whether `clerkAuthorize` has warned about a missing `authorizedParties` in this process. */
let warnedAboutAuthorizedParties = false;

/** Warns once per process when production runs without `authorizedParties`. */
function warnWithoutAuthorizedParties(options: ClerkAuthorizeOptions): void {
  const production = globalThis.process?.env?.NODE_ENV === 'production';
  if (!production || (options.authorizedParties?.length ?? 0) > 0 || warnedAboutAuthorizedParties) return;
  warnedAboutAuthorizedParties = true;
  console.warn(
    '[roster] clerkAuthorize: no authorizedParties in production, so session tokens issued to any ' +
      "origin (azp) are accepted. Pass authorizedParties: ['https://your.app'].",
  );
}

/**
 * The checks `verifyToken` does not make: `aud` present when an audience is expected, `iss` one of
 * the accepted issuers when they are given.
 */
function passesClaimChecks(claims: Record<string, unknown>, options: ClerkAuthorizeOptions): boolean {
  if (options.audience !== undefined && claims.aud === undefined) return false;
  if (options.issuer !== undefined) {
    const issuers: readonly string[] = typeof options.issuer === 'string' ? [options.issuer] : options.issuer;
    if (typeof claims.iss !== 'string' || !issuers.includes(claims.iss)) return false;
  }
  return true;
}

function stringClaim(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/**
 * Reads the active organization, role and permissions from verified session token claims.
 * Version 2 tokens carry them compactly: `o.id`, `o.rol` (role without its `org:` prefix), `o.per`
 * (permission names, comma-separated), `o.fpm` (per feature, a decimal bitmask over `o.per`) and the
 * top-level `fea` (features, `o:` scoped for the organization); permission `org:{feature}:{name}` is
 * granted when bit `i` of the feature's mask is set for name `i`. Version 1 tokens carry `org_id`,
 * `org_role` and `org_permissions` directly.
 */
export function readClerkSessionOrganization(claims: Record<string, unknown>): ClerkSessionOrganization {
  if (claims.v === 2) {
    const org = claims.o;
    if (typeof org !== 'object' || org === null) return { organizationId: null, role: null, permissions: [] };
    const o = org as Record<string, unknown>;
    const rol = stringClaim(o.rol);
    const names = (stringClaim(o.per) ?? '').split(',').map((name) => name.trim());
    const masks = (stringClaim(o.fpm) ?? '').split(',').map((mask) => mask.trim());
    const features = (stringClaim(claims.fea) ?? '')
      .split(',')
      .map((feature) => feature.trim())
      .filter((feature) => feature.startsWith('o:'))
      .map((feature) => feature.slice(2));
    const permissions: string[] = [];
    if (stringClaim(o.per) && stringClaim(o.fpm)) {
      features.forEach((feature, featureIndex) => {
        const mask = masks[featureIndex];
        if (mask === undefined || !/^\d+$/.test(mask)) return;
        decimalToBits(mask).forEach((bit, nameIndex) => {
          const name = names[nameIndex];
          if (bit === 1 && name) permissions.push(`org:${feature}:${name}`);
        });
      });
    }
    return { organizationId: stringClaim(o.id), role: rol ? `org:${rol}` : null, permissions };
  }
  const listed = Array.isArray(claims.org_permissions)
    ? claims.org_permissions.filter((p): p is string => typeof p === 'string')
    : [];
  return {
    organizationId: stringClaim(claims.org_id),
    role: stringClaim(claims.org_role),
    permissions: listed,
  };
}

/**
 * An `authorize` for `createMembershipsHandler` that verifies Clerk session tokens with
 * `@clerk/backend`'s `verifyToken` (from the `__session` cookie or `Authorization: Bearer`), and
 * reads the caller's active organization and permissions from the token. Any verification failure
 * (missing, expired, forged, wrong `azp`, missing or wrong `aud` when `audience` is set, `iss` not
 * in `issuer` when it is set, pending session) means no caller: the handler answers 401.
 */
export function clerkAuthorize(options: ClerkAuthorizeOptions): MembershipsHandlerAuthorize {
  const rolePermissions = options.rolePermissions ?? DEFAULT_ROLE_PERMISSIONS;
  const cookieName = options.cookieName ?? '__session';
  if (!options.jwtKey && !options.secretKey) {
    throw new Error('clerkAuthorize needs a jwtKey (networkless verification) or a secretKey.');
  }
  warnWithoutAuthorizedParties(options);
  return async (request) => {
    const token = readSessionToken(request, cookieName);
    if (!token) return null;
    const verifyOptions: Parameters<typeof verifyToken>[1] = {};
    if (options.jwtKey !== undefined) verifyOptions.jwtKey = options.jwtKey;
    if (options.secretKey !== undefined) verifyOptions.secretKey = options.secretKey;
    if (options.apiUrl !== undefined) verifyOptions.apiUrl = options.apiUrl;
    if (options.authorizedParties !== undefined) verifyOptions.authorizedParties = options.authorizedParties;
    if (options.audience !== undefined) verifyOptions.audience = options.audience;
    if (options.clockSkewInMs !== undefined) verifyOptions.clockSkewInMs = options.clockSkewInMs;
    let claims: Record<string, unknown>;
    try {
      // The public verifyToken resolves to the claims and throws on any verification failure.
      claims = (await verifyToken(token, verifyOptions)) as unknown as Record<string, unknown>;
    } catch {
      return null;
    }
    if (!passesClaimChecks(claims, options)) return null;
    const userId = stringClaim(claims.sub);
    // A pending session (e.g. a required organization not chosen yet) is not signed in.
    if (!userId || claims.sts === 'pending') return null;
    let session: ClerkSessionOrganization;
    try {
      session = readClerkSessionOrganization(claims);
    } catch {
      return null;
    }
    const permissions = new Set(session.permissions);
    for (const permission of (session.role && rolePermissions[session.role]) || [])
      permissions.add(permission);
    const caller: MembershipsHandlerCaller = {
      userId,
      organizationId: session.organizationId,
      permissions: session.organizationId ? [...permissions] : [],
    };
    return caller;
  };
}
