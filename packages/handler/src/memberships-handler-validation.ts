/**
 * Input validation of the browser-facing handler: every query parameter, path segment and body field
 * is checked against an allowlist before anything is forwarded upstream. Internal to `@roster/handler`.
 */

import {
  checkMetadataLimits,
  INVITATION_ORDER_FIELDS,
  INVITATION_STATUSES,
  isValidEmailAddress,
  isValidRedirectUrl,
  MAX_FILTER_VALUES,
  MAX_INVITATION_EXPIRY_DAYS,
  MAX_PAGE_SIZE,
  MAX_REDIRECT_URL_LENGTH,
  MEMBERSHIP_ORDER_FIELDS,
} from '@roster/core';
import {
  HandlerError,
  invalidBody,
  invalidParam,
  missingParam,
  unknownParam,
} from './memberships-handler-responses';

/** IDs as the Backend API issues them (`user_2abc`, `org_acme`): no slashes, dots or escapes. */
const ID_PATTERN = /^[A-Za-z0-9_]{1,128}$/;
/** Role keys: `org:admin`, `org:billing_manager`. */
const ROLE_PATTERN = /^org:[A-Za-z0-9_:-]{1,100}$/;
/** Longest free-text query accepted. */
const MAX_QUERY_LENGTH = 256;
/** Longest list a filter accepts (the Backend API's limit). */
const MAX_LIST_ITEMS = MAX_FILTER_VALUES;
/** Largest offset accepted: deep offsets are slow upstream and no page of the UI needs them. */
const MAX_OFFSET = 1_000_000;

const ROLE_ORDER_FIELDS = ['created_at', 'name', 'key'];

/** C0 and C1 control characters (NUL included): no search text holds them. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

/** Backend-only keys: removed from responses at any depth, refused in written metadata. */
export const BACKEND_ONLY_KEYS: ReadonlySet<string> = new Set([
  'private_metadata',
  'privateMetadata',
  'unsafe_metadata',
  'unsafeMetadata',
]);

/**
 * Keys refused at any depth of metadata written through the handler: the backend-only names (the
 * handler would hide them on the way out) and `__proto__` (a prototype name, not data).
 */
const RESERVED_METADATA_KEYS: ReadonlySet<string> = new Set([...BACKEND_ONLY_KEYS, '__proto__']);

/** Whether a path segment is a well-formed ID. */
export function isValidId(value: string): boolean {
  return ID_PATTERN.test(value);
}

/** Whether a value is a well-formed role key. */
export function isValidRoleKey(value: unknown): value is string {
  return typeof value === 'string' && ROLE_PATTERN.test(value);
}

type ParamKind =
  | 'limit'
  | 'offset'
  | 'membership_order_by'
  | 'role_order_by'
  | 'invitation_order_by'
  | 'status_list'
  | 'text'
  | 'timestamp'
  | 'role_list'
  | 'user_id_list'
  | 'text_list';

/** Which query parameters a route accepts, and what each must look like. */
export type QuerySchema = Readonly<Record<string, ParamKind>>;

const PAGING: QuerySchema = { limit: 'limit', offset: 'offset' };

/** `GET /organizations/{id}/memberships`: every list filter of the Backend API. */
export const MEMBERSHIP_LIST_QUERY: QuerySchema = {
  ...PAGING,
  order_by: 'membership_order_by',
  query: 'text',
  role: 'role_list',
  user_id: 'user_id_list',
  email_address: 'text_list',
  phone_number: 'text_list',
  username: 'text_list',
  web3_wallet: 'text_list',
  email_address_query: 'text',
  phone_number_query: 'text',
  username_query: 'text',
  name_query: 'text',
  created_at_before: 'timestamp',
  created_at_after: 'timestamp',
  last_active_at_before: 'timestamp',
  last_active_at_after: 'timestamp',
};

/** `GET /users/{id}/organization_memberships`. */
export const USER_MEMBERSHIP_LIST_QUERY: QuerySchema = PAGING;

/** `GET /organization_roles`. */
export const ROLE_LIST_QUERY: QuerySchema = { ...PAGING, query: 'text', order_by: 'role_order_by' };

/** `GET /users` (the add-member picker): a text query and paging, nothing that filters on private data. */
export const USER_LIST_QUERY: QuerySchema = { ...PAGING, query: 'text' };

/** `GET /organizations/{id}/invitations`: statuses, one exact address, order, paging. */
export const INVITATION_LIST_QUERY: QuerySchema = {
  ...PAGING,
  order_by: 'invitation_order_by',
  status: 'status_list',
  email_address: 'text',
};

/** No query parameters at all (writes). */
export const NO_QUERY: QuerySchema = {};

function checkInteger(name: string, raw: string, min: number, max: number): string {
  if (!/^\d{1,16}$/.test(raw)) throw invalidParam(name, `${name} must be an integer.`);
  const value = Number(raw);
  if (value < min || value > max) {
    throw invalidParam(name, `${name} must be between ${min} and ${max}.`);
  }
  return String(value);
}

function checkText(name: string, raw: string): string {
  if (raw.length > MAX_QUERY_LENGTH) {
    throw invalidParam(name, `${name} must be at most ${MAX_QUERY_LENGTH} characters.`);
  }
  if (CONTROL_CHARACTER.test(raw)) throw invalidParam(name, `${name} must not contain control characters.`);
  return raw;
}

function checkOrderBy(name: string, raw: string, fields: readonly string[]): string {
  const field = raw.replace(/^[+-]/, '');
  if (!fields.includes(field)) {
    throw invalidParam(name, `${name} must be one of ${fields.join(', ')}, optionally prefixed by + or -.`);
  }
  return raw;
}

function checkSingle(kind: ParamKind, name: string, raw: string): string {
  switch (kind) {
    case 'limit':
      return checkInteger(name, raw, 1, MAX_PAGE_SIZE);
    case 'offset':
      return checkInteger(name, raw, 0, MAX_OFFSET);
    case 'timestamp':
      return checkInteger(name, raw, 0, Number.MAX_SAFE_INTEGER);
    case 'membership_order_by':
      return checkOrderBy(name, raw, MEMBERSHIP_ORDER_FIELDS);
    case 'role_order_by':
      return checkOrderBy(name, raw, ROLE_ORDER_FIELDS);
    case 'invitation_order_by':
      return checkOrderBy(name, raw, INVITATION_ORDER_FIELDS);
    case 'status_list':
      if (!(INVITATION_STATUSES as readonly string[]).includes(raw)) {
        throw invalidParam(name, `${name} must be one of ${INVITATION_STATUSES.join(', ')}.`);
      }
      return raw;
    case 'role_list':
      if (!isValidRoleKey(raw)) throw invalidParam(name, `${name} must be a role key such as org:member.`);
      return raw;
    case 'user_id_list':
      if (!isValidId(raw.replace(/^[+-]/, ''))) throw invalidParam(name, `${name} must be a user ID.`);
      return raw;
    default:
      return checkText(name, raw);
  }
}

function isListKind(kind: ParamKind): boolean {
  return kind === 'role_list' || kind === 'user_id_list' || kind === 'text_list' || kind === 'status_list';
}

/**
 * Checks a query string against a schema and returns a canonical one to forward: only known
 * parameters, lists as repeated keys (`role=a&role=b`; `role[]=a` is accepted too), each value valid.
 */
export function validateQuery(params: URLSearchParams, schema: QuerySchema): URLSearchParams {
  const out = new URLSearchParams();
  const seen = new Set<string>();
  for (const rawName of new Set(params.keys())) {
    const name = rawName.endsWith('[]') ? rawName.slice(0, -2) : rawName;
    // Own properties only: `constructor`, `__proto__`, `toString`, ... are not parameters.
    const kind = Object.hasOwn(schema, name) ? schema[name] : undefined;
    if (kind === undefined) throw unknownParam(name);
    if (seen.has(name)) throw invalidParam(name, `${name} is given twice.`);
    seen.add(name);
    const values = params.getAll(rawName);
    if (!isListKind(kind) && values.length > 1) {
      throw invalidParam(name, `${name} must be given once.`);
    }
    if (values.length > MAX_LIST_ITEMS) {
      throw invalidParam(name, `${name} accepts at most ${MAX_LIST_ITEMS} values.`);
    }
    for (const value of values) out.append(name, checkSingle(kind, name, value));
  }
  return out;
}

/** 413: the request body is larger than `maxBytes`. */
export function bodyTooLarge(maxBytes: number): HandlerError {
  return new HandlerError(
    413,
    'form_param_exceeds_allowed_size',
    'Request body too large',
    `The request body must be at most ${maxBytes} bytes.`,
  );
}

/** A fatal decoder decodes whole inputs independently, so one serves every request. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** A request body's bytes as text (a leading BOM dropped, as `TextDecoder` does), else 400. */
export function decodeBodyText(bytes: Uint8Array): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    throw invalidBody('The request body is not valid UTF-8.');
  }
}

/**
 * Reads a request body as text, refusing more than `maxBytes` (checked against `Content-Length`
 * first, then while streaming, so a lying or missing header cannot get past it).
 */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) throw bodyTooLarge(maxBytes);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw bodyTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return decodeBodyText(bytes);
}

/** Parses a body that must be a JSON object. */
export function parseJsonObject(text: string): Record<string, unknown> {
  const value = parseJson(text);
  if (!isPlainObject(value)) throw invalidBody('The request body must be a JSON object.');
  return value;
}

/** Parses any JSON body (400 `request_body_invalid` when it is not JSON). */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalidBody('The request body is not valid JSON.');
  }
}

/** Whether a value is a JSON object (not null, not an array). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a body field must be. */
export type BodyFieldKind =
  | 'user_id'
  | 'role'
  | 'metadata'
  | 'metadata_or_null'
  | 'email'
  | 'url_or_null'
  | 'expiry_days_or_null'
  | 'boolean_or_null';

/**
 * Fields the handler sets itself from the signed-in caller: a body that carries one is refused
 * (422 `form_param_unknown`), so a browser can never act in another user's name.
 */
const CALLER_FIELDS: ReadonlySet<string> = new Set(['inviter_user_id', 'requesting_user_id']);

/** The fields a write accepts, and whether each is required. */
export type BodySchema = Readonly<Record<string, { kind: BodyFieldKind; required: boolean }>>;

/**
 * Checks a write's JSON body against a schema and returns only the known fields. `private_metadata`
 * is refused with its own message: it is backend-only and never written from a browser.
 */
export function validateBody(body: Record<string, unknown>, schema: BodySchema): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(body)) {
    if (name === 'private_metadata') {
      throw unknownParam(
        name,
        'private_metadata is backend-only and cannot be written through this handler.',
      );
    }
    if (CALLER_FIELDS.has(name)) {
      throw unknownParam(name, `${name} is set by the server from the signed-in user and cannot be sent.`);
    }
    if (!Object.hasOwn(schema, name)) throw unknownParam(name);
  }
  for (const [name, field] of Object.entries(schema)) {
    const value = Object.hasOwn(body, name) ? body[name] : undefined;
    if (value === undefined) {
      if (field.required) throw missingParam(name);
      continue;
    }
    out[name] = checkBodyField(name, field.kind, value);
  }
  return out;
}

function checkBodyField(name: string, kind: BodyFieldKind, value: unknown): unknown {
  switch (kind) {
    case 'user_id':
      if (typeof value !== 'string' || !isValidId(value))
        throw invalidParam(name, `${name} must be a user ID.`);
      return value;
    case 'role':
      if (!isValidRoleKey(value)) throw invalidParam(name, `${name} must be a role key such as org:member.`);
      return value;
    case 'metadata_or_null':
      if (value === null) return null;
      return checkMetadata(name, value);
    case 'email':
      if (typeof value !== 'string' || !isValidEmailAddress(value)) {
        throw new HandlerError(
          422,
          'form_param_format_invalid',
          'is invalid',
          `${name} must be a valid email address.`,
          {
            paramName: name,
          },
        );
      }
      return value;
    case 'url_or_null':
      if (value === null) return null;
      if (!isValidRedirectUrl(value)) {
        throw invalidParam(
          name,
          `${name} must be an absolute http or https URL of at most ${MAX_REDIRECT_URL_LENGTH} characters.`,
        );
      }
      return value;
    case 'expiry_days_or_null':
      if (value === null) return null;
      if (
        typeof value !== 'number' ||
        !Number.isInteger(value) ||
        value < 1 ||
        value > MAX_INVITATION_EXPIRY_DAYS
      ) {
        throw invalidParam(name, `${name} must be an integer between 1 and ${MAX_INVITATION_EXPIRY_DAYS}.`);
      }
      return value;
    case 'boolean_or_null':
      if (value !== null && typeof value !== 'boolean')
        throw invalidParam(name, `${name} must be true or false.`);
      return value;
    default:
      return checkMetadata(name, value);
  }
}

/**
 * A metadata object within core's metadata limits (depth checked first, without recursion; then
 * reserved keys; then size), else Clerk's 422 naming the limit.
 */
function checkMetadata(name: string, value: unknown): Record<string, unknown> {
  if (!isPlainObject(value)) throw invalidParam(name, `${name} must be a JSON object.`);
  const violation = checkMetadataLimits(name, value, { reservedKeys: RESERVED_METADATA_KEYS });
  if (violation) {
    throw new HandlerError(422, violation.code, violation.shortMessage, violation.message, {
      paramName: name,
    });
  }
  return value;
}
