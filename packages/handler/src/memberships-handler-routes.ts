/**
 * The routes of the memberships handler: which paths and methods it serves, what each needs (access,
 * query, body) and where it forwards; the access check and the body a write forwards. Plain data in,
 * plain data out: shared by the fetch and the Node paths.
 */
import {
  bulkSizeExceededError,
  MAX_BULK_INVITATIONS,
  PERMISSION_MANAGE_MEMBERSHIPS,
  PERMISSION_READ_MEMBERSHIPS,
} from '@roster/core';
import type { MembershipsHandlerCaller } from './memberships-handler-options';
import {
  forbidden,
  HandlerError,
  invalidBody,
  invalidParam,
  missingPermission,
  notFound,
} from './memberships-handler-responses';
import { toPublicUserList } from './memberships-handler-sanitize';
import {
  type BodySchema,
  INVITATION_LIST_QUERY,
  isPlainObject,
  isValidId,
  MEMBERSHIP_LIST_QUERY,
  NO_QUERY,
  parseJson,
  parseJsonObject,
  type QuerySchema,
  ROLE_LIST_QUERY,
  USER_LIST_QUERY,
  USER_MEMBERSHIP_LIST_QUERY,
  validateBody,
} from './memberships-handler-validation';

type Access = 'read' | 'manage' | 'self' | 'signed-in';

/** A route the handler serves, as `matchRoute` resolves a method and path to it. */
export interface Route {
  access: Access;
  /** The organization in the path, if any (checked against the caller's). */
  organizationId?: string;
  /** The user in the path, if any. */
  userId?: string;
  upstreamPath: string;
  query: QuerySchema;
  body?: BodySchema;
  /** Shapes a successful upstream body for the browser (given the query that was forwarded). */
  shape?: (body: unknown, query: URLSearchParams) => unknown;
  /** The body is a JSON array of 1..{@link MAX_BULK_INVITATIONS} objects, each checked against `body`. */
  bulk?: boolean;
  /** An empty body reads as `{}` (revoke: Clerk's SDK sends none). */
  emptyBodyAllowed?: boolean;
  /** The field the caller's user ID is written to in each forwarded object (never taken from the body). */
  callerField?: 'inviter_user_id' | 'requesting_user_id';
}

const CREATE_BODY: BodySchema = {
  user_id: { kind: 'user_id', required: true },
  role: { kind: 'role', required: true },
  public_metadata: { kind: 'metadata_or_null', required: false },
};
const UPDATE_ROLE_BODY: BodySchema = { role: { kind: 'role', required: true } };
const UPDATE_METADATA_BODY: BodySchema = { public_metadata: { kind: 'metadata', required: true } };

/** One invitation: `inviter_user_id` is added from the caller; `private_metadata` is refused. */
const INVITE_BODY: BodySchema = {
  email_address: { kind: 'email', required: true },
  role: { kind: 'role', required: true },
  public_metadata: { kind: 'metadata_or_null', required: false },
  redirect_url: { kind: 'url_or_null', required: false },
  expires_in_days: { kind: 'expiry_days_or_null', required: false },
  notify: { kind: 'boolean_or_null', required: false },
};
/** Revoke takes nothing from the browser: `requesting_user_id` is added from the caller. */
const REVOKE_BODY: BodySchema = {};

function segment(value: string): string {
  return encodeURIComponent(value);
}

/** Matches a path (below the base path) and method to a route; throws 404/405 for anything else. */
export function matchRoute(method: string, path: string, userSearch: boolean): Route {
  const parts = path.split('/').slice(1);
  let decoded: string[];
  try {
    decoded = parts.map((part) => decodeURIComponent(part));
  } catch {
    throw notFound();
  }
  const allow = (methods: string[]) => {
    if (!methods.includes(method)) {
      throw new HandlerError(
        405,
        'method_not_allowed',
        'Method not allowed',
        `${method} is not allowed here.`,
        {
          headers: { allow: methods.join(', ') },
        },
      );
    }
  };
  const [first, second, third, fourth, fifth, ...rest] = decoded;
  if (rest.length > 0) throw notFound();

  if (first === 'organizations' && second !== undefined && third === 'memberships') {
    if (!isValidId(second)) throw notFound('organization');
    const organizationId = second;
    const base = `/organizations/${segment(organizationId)}/memberships`;
    if (fourth === undefined) {
      allow(['GET', 'POST']);
      return method === 'GET'
        ? { access: 'read', organizationId, upstreamPath: base, query: MEMBERSHIP_LIST_QUERY }
        : { access: 'manage', organizationId, upstreamPath: base, query: NO_QUERY, body: CREATE_BODY };
    }
    if (!isValidId(fourth)) throw notFound('membership');
    const userId = fourth;
    const member = `${base}/${segment(userId)}`;
    if (fifth === undefined) {
      allow(['PATCH', 'DELETE']);
      return method === 'PATCH'
        ? {
            access: 'manage',
            organizationId,
            userId,
            upstreamPath: member,
            query: NO_QUERY,
            body: UPDATE_ROLE_BODY,
          }
        : { access: 'manage', organizationId, userId, upstreamPath: member, query: NO_QUERY };
    }
    if (fifth === 'metadata') {
      allow(['PATCH']);
      return {
        access: 'manage',
        organizationId,
        userId,
        upstreamPath: `${member}/metadata`,
        query: NO_QUERY,
        body: UPDATE_METADATA_BODY,
      };
    }
    throw notFound();
  }
  if (first === 'organizations' && second !== undefined && third === 'invitations') {
    if (!isValidId(second)) throw notFound('organization');
    const organizationId = second;
    const base = `/organizations/${segment(organizationId)}/invitations`;
    const manage = { access: 'manage' as const, organizationId, query: NO_QUERY };
    if (fourth === undefined) {
      allow(['GET', 'POST']);
      return method === 'GET'
        ? { access: 'manage', organizationId, upstreamPath: base, query: INVITATION_LIST_QUERY }
        : { ...manage, upstreamPath: base, body: INVITE_BODY, callerField: 'inviter_user_id' };
    }
    if (fourth === 'bulk' && fifth === undefined) {
      allow(['POST']);
      return {
        ...manage,
        upstreamPath: `${base}/bulk`,
        body: INVITE_BODY,
        bulk: true,
        callerField: 'inviter_user_id',
      };
    }
    if (!isValidId(fourth)) throw notFound('invitation');
    const invitation = `${base}/${segment(fourth)}`;
    if (fifth === undefined) {
      allow(['GET']);
      return { ...manage, upstreamPath: invitation };
    }
    if (fifth === 'revoke') {
      allow(['POST']);
      return {
        ...manage,
        upstreamPath: `${invitation}/revoke`,
        body: REVOKE_BODY,
        emptyBodyAllowed: true,
        callerField: 'requesting_user_id',
      };
    }
    throw notFound();
  }
  if (
    first === 'users' &&
    second !== undefined &&
    third === 'organization_memberships' &&
    fourth === undefined
  ) {
    if (!isValidId(second)) throw notFound('user');
    allow(['GET']);
    return {
      access: 'self',
      userId: second,
      upstreamPath: `/users/${segment(second)}/organization_memberships`,
      query: USER_MEMBERSHIP_LIST_QUERY,
    };
  }
  if (first === 'organization_roles' && second === undefined) {
    allow(['GET']);
    return { access: 'signed-in', upstreamPath: '/organization_roles', query: ROLE_LIST_QUERY };
  }
  if (first === 'users' && second === undefined && userSearch) {
    allow(['GET']);
    return { access: 'manage', upstreamPath: '/users', query: USER_LIST_QUERY, shape: toPublicUserList };
  }
  throw notFound();
}

/** Checks the caller may use the route: scope first (404 outside it), then the permission (403). */
export function checkAccess(route: Route, caller: MembershipsHandlerCaller, method: string): void {
  if (route.organizationId !== undefined && route.organizationId !== caller.organizationId) {
    throw notFound('organization');
  }
  if (route.access === 'self') {
    if (route.userId !== caller.userId) throw notFound('user');
    return;
  }
  if (route.access === 'signed-in') return;
  if (caller.organizationId === null) throw missingPermission(PERMISSION_READ_MEMBERSHIPS);
  const ownMembership = route.userId !== undefined && route.userId === caller.userId;
  // Leaving: any member may delete their own membership (upstream keeps the last admin in).
  if (method === 'DELETE' && ownMembership) return;
  const permission = route.access === 'read' ? PERMISSION_READ_MEMBERSHIPS : PERMISSION_MANAGE_MEMBERSHIPS;
  if (!caller.permissions.includes(permission)) throw missingPermission(permission);
  // The permission policy's `self` rule: nobody changes their own role from the members page.
  if (method === 'PATCH' && ownMembership && route.body === UPDATE_ROLE_BODY) {
    throw forbidden('You cannot change your own role.');
  }
}

/**
 * A write's body, validated: one object, or (bulk) an array of 1..{@link MAX_BULK_INVITATIONS}
 * objects; the caller's user ID is written into `callerField` of each.
 */
export function readRouteBody(
  route: Route,
  schema: BodySchema,
  text: string,
  caller: MembershipsHandlerCaller,
): unknown {
  const withCaller = (object: Record<string, unknown>) =>
    route.callerField ? { ...object, [route.callerField]: caller.userId } : object;
  if (!route.bulk) {
    const object = route.emptyBodyAllowed && text.trim() === '' ? {} : parseJsonObject(text);
    return withCaller(validateBody(object, schema));
  }
  const items = parseJson(text);
  if (!Array.isArray(items)) throw invalidBody('The request body must be a JSON array of invitations.');
  if (items.length > MAX_BULK_INVITATIONS) {
    const error = bulkSizeExceededError(MAX_BULK_INVITATIONS);
    throw new HandlerError(400, 'bulk_size_exceeded', 'bulk size exceeded', error.message);
  }
  if (items.length === 0) throw invalidParam('invitations', 'At least one invitation must be given.');
  return items.map((item, index) => {
    if (!isPlainObject(item)) throw invalidBody(`Invitation ${index} must be a JSON object.`);
    try {
      return withCaller(validateBody(item, schema));
    } catch (error) {
      if (!(error instanceof HandlerError)) throw error;
      throw new HandlerError(error.status, error.code, error.shortMessage, error.longMessage, {
        meta: { ...error.meta, index },
        ...(error.headers && { headers: error.headers }),
      });
    }
  });
}
