/**
 * What the browser-facing handler lets through from upstream: `private_metadata` removed everywhere,
 * users reduced to their public fields, upstream errors reduced to Clerk's error shape. Internal to
 * `@roster/server`.
 */
import { isPlainObject } from './memberships-handler-validation';

/** Backend-only keys, removed at any depth of a response. */
const PRIVATE_KEYS = new Set(['private_metadata', 'privateMetadata', 'unsafe_metadata']);

/** A deep copy of a JSON value without any backend-only key (memberships and embedded organizations). */
export function stripPrivateFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripPrivateFields);
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (PRIVATE_KEYS.has(key)) continue;
    out[key] = stripPrivateFields(item);
  }
  return out;
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
 * A user list reduced to public users, in the shape upstream sent: a bare array (as Clerk answers
 * `GET /users`) or `{ data, total_count }`.
 */
export function toPublicUserList(value: unknown): unknown {
  const publicUsers = (items: unknown[]) =>
    items.map(toPublicUser).filter((user): user is Record<string, unknown> => user !== null);
  if (Array.isArray(value)) return publicUsers(value);
  if (isPlainObject(value) && Array.isArray(value.data)) {
    const data = publicUsers(value.data);
    return { data, total_count: typeof value.total_count === 'number' ? value.total_count : data.length };
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
