/**
 * What the browser-facing handler lets through from upstream: `private_metadata` removed everywhere,
 * users reduced to their public fields, upstream errors reduced to Clerk's error shape. Internal to
 * `@roster/server`.
 */
import { MAX_METADATA_DEPTH } from '@roster/core';
import { HandlerError } from './memberships-handler-responses';
import { BACKEND_ONLY_KEYS, isPlainObject } from './memberships-handler-validation';

/**
 * The deepest upstream JSON the handler passes on: a list of memberships whose metadata is at core's
 * depth limit nests well under twice that limit.
 */
export const MAX_RESPONSE_DEPTH = 2 * MAX_METADATA_DEPTH;

function tooDeep(): HandlerError {
  return new HandlerError(
    502,
    'upstream_invalid_response',
    'Bad gateway',
    `The membership service answered with JSON nested deeper than ${MAX_RESPONSE_DEPTH} levels.`,
  );
}

/**
 * Removes every backend-only key (memberships and embedded organizations) at any depth of a JSON
 * value the handler has just parsed, **in place** (nothing else holds it: no copy is made), and
 * returns it: their values become `undefined`, which `JSON.stringify` leaves out, so the key is
 * not in any answer. One walk without recursion, which also measures the depth the way `metadataDepth`
 * does, private subtrees included: JSON nested deeper than {@link MAX_RESPONSE_DEPTH} is refused
 * with a 502 (before anything recursive, such as `JSON.stringify`, touches it).
 */
export function stripPrivateFields(value: unknown): unknown {
  const nodes: object[] = [];
  const depths: number[] = [];
  if (value !== null && typeof value === 'object') {
    nodes.push(value);
    depths.push(1);
  }
  while (nodes.length > 0) {
    const node = nodes.pop() as Record<string, unknown> | unknown[];
    const depth = depths.pop() as number;
    if (depth > MAX_RESPONSE_DEPTH) throw tooDeep();
    if (Array.isArray(node)) {
      for (const item of node) {
        if (item !== null && typeof item === 'object') {
          nodes.push(item);
          depths.push(depth + 1);
        }
      }
      continue;
    }
    for (const key of Object.keys(node)) {
      const item = node[key];
      if (item !== null && typeof item === 'object') {
        nodes.push(item);
        depths.push(depth + 1);
      }
      // \`undefined\`, not \`delete\`: JSON.stringify leaves the key out all the same, and the object
      // keeps its fast shape (a deleted key turns it into a slow dictionary for stringify).
      if (BACKEND_ONLY_KEYS.has(key)) node[key] = undefined;
    }
  }
  return value;
}

const PUBLIC_USER_FIELDS = [
  'object',
  'id',
  'first_name',
  'last_name',
  'username',
  'image_url',
  'has_image',
  'primary_email_address_id',
  'created_at',
  'updated_at',
] as const;

/**
 * A user as the add-member picker may see it: name, username, avatar and the primary email address
 * only (no phone numbers, other addresses, metadata, sign-in or ban details).
 */
export function toPublicUser(value: unknown): Record<string, unknown> | null {
  if (!isPlainObject(value)) return null;
  const out: Record<string, unknown> = {};
  for (const field of PUBLIC_USER_FIELDS) {
    if (field in value) out[field] = value[field];
  }
  const primaryId = value.primary_email_address_id;
  const addresses = Array.isArray(value.email_addresses) ? value.email_addresses : [];
  out.email_addresses = addresses
    .filter(
      (address): address is Record<string, unknown> => isPlainObject(address) && address.id === primaryId,
    )
    .map((address) => ({
      object: 'email_address',
      id: address.id,
      email_address: address.email_address,
    }));
  return out;
}

/**
 * Whether a public user shows `query`: the user's ID, full name, username or primary email address
 * contains it (case-insensitively). Upstream's `query` also matches phone numbers, other email
 * addresses and web3 wallets, which the picker never shows.
 */
function showsQuery(user: Record<string, unknown>, query: string): boolean {
  const text = (field: unknown) => (typeof field === 'string' ? field : '');
  const fullName = [text(user.first_name), text(user.last_name)].filter(Boolean).join(' ');
  const emails = Array.isArray(user.email_addresses) ? user.email_addresses : [];
  const visible = [text(user.id), fullName, text(user.username)];
  for (const email of emails) if (isPlainObject(email)) visible.push(text(email.email_address));
  return visible.join('\n').toLowerCase().includes(query);
}

/**
 * A user list reduced to public users, in the shape upstream sent: a bare array (as Clerk answers
 * `GET /users`) or `{ data, total_count }`. With a `query`, users it matched only on a field the
 * picker does not show are dropped, and `total_count` goes down by as many (an upper bound then).
 */
export function toPublicUserList(value: unknown, params: URLSearchParams): unknown {
  const query = (params.get('query') ?? '').trim().toLowerCase();
  const publicUsers = (items: unknown[]) =>
    items
      .map(toPublicUser)
      .filter((user): user is Record<string, unknown> => user !== null && showsQuery(user, query));
  if (Array.isArray(value)) return publicUsers(value);
  if (isPlainObject(value) && Array.isArray(value.data)) {
    const data = publicUsers(value.data);
    const total = typeof value.total_count === 'number' ? value.total_count : value.data.length;
    return { data, total_count: Math.max(data.length, total - (value.data.length - data.length)) };
  }
  return [];
}

/**
 * An upstream error body reduced to Clerk's shape (`errors[].code/message/long_message/meta`,
 * `clerk_trace_id`), or null when it is not one.
 */
export function toClerkErrorBody(value: unknown): Record<string, unknown> | null {
  if (!isPlainObject(value) || !Array.isArray(value.errors)) return null;
  const errors = value.errors.filter(isPlainObject).map((error) => {
    const detail: Record<string, unknown> = {
      code: typeof error.code === 'string' ? error.code : 'unknown_error',
      message: typeof error.message === 'string' ? error.message : '',
      long_message: typeof error.long_message === 'string' ? error.long_message : '',
    };
    if (isPlainObject(error.meta)) detail.meta = stripPrivateFields(error.meta);
    return detail;
  });
  if (errors.length === 0) return null;
  const body: Record<string, unknown> = { errors };
  if (typeof value.clerk_trace_id === 'string') body.clerk_trace_id = value.clerk_trace_id;
  return body;
}
