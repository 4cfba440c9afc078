/**
 * The Backend API's rules for organization invitations, shared by every emulation of it (the
 * in-memory client and the local Backend API), so both validate a create body the same way and
 * answer with the same statuses and codes. Bodies are read in their wire form (snake_case).
 */
import type { InvitationInput } from './client';
import { createRosterApiError, RosterApiError, type RosterApiErrorDetail } from './errors';
import { paramInvalidError, paramMissingError } from './memory-client-errors';
import { checkMetadataLimits } from './metadata-limits';
import type { Metadata, OrganizationInvitationStatus } from './models';

/** The most invitations one bulk call may create (the spec's `maxItems`). */
export const MAX_BULK_INVITATIONS = 10;
/** How long an invitation is valid when `expires_in_days` is not given. */
export const DEFAULT_INVITATION_EXPIRY_DAYS = 30;
/** The largest `expires_in_days`. */
export const MAX_INVITATION_EXPIRY_DAYS = 365;
/** The longest email address accepted (RFC 5321's path limit). */
export const MAX_EMAIL_ADDRESS_LENGTH = 254;
/** The longest `redirect_url` accepted. */
export const MAX_REDIRECT_URL_LENGTH = 2048;

const DAY_MS = 86_400_000;

/** The fields of a create body (one bulk item). */
export const INVITATION_BODY_FIELDS: readonly string[] = [
  'email_address',
  'role',
  'inviter_user_id',
  'public_metadata',
  'private_metadata',
  'redirect_url',
  'expires_in_days',
  'notify',
];

/** A create body, validated: the email lowercased, defaults spelled out. */
export interface ValidInvitationInput {
  emailAddress: string;
  role: string;
  inviterUserId: string | null;
  publicMetadata: Metadata;
  privateMetadata: Metadata;
  redirectUrl: string | null;
  expiresInDays: number;
  notify: boolean;
}

const EMAIL_PATTERN =
  /^[^\s@"(),:;<>[\\\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/** Whether a string is an email address the Backend API would accept (`local@domain.tld`, no spaces). */
export function isValidEmailAddress(value: string): boolean {
  return value.length <= MAX_EMAIL_ADDRESS_LENGTH && EMAIL_PATTERN.test(value);
}

/** The status an invitation has at `now`: a pending one past its `expiresAt` is `expired`. */
export function invitationStatusAt(
  stored: 'pending' | 'accepted' | 'revoked',
  expiresAt: number | null,
  now: number,
): OrganizationInvitationStatus {
  if (stored === 'pending' && expiresAt !== null && expiresAt <= now) return 'expired';
  return stored;
}

/** When an invitation created at `createdAt` for `days` days expires. */
export function invitationExpiresAt(createdAt: number, days: number): number {
  return createdAt + days * DAY_MS;
}

function camelToSnake(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/**
 * An {@link InvitationInput} as its wire body: every key snake_cased (unknown ones too, so a server
 * refuses them as it would over HTTP), `undefined` values left out.
 */
export function invitationInputToWire(
  input: InvitationInput | Record<string, unknown>,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value !== undefined) body[camelToSnake(key)] = value;
  }
  return body;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Adds `index` (the bulk item) to an error's meta. */
function atIndex(error: unknown, index: number | undefined): unknown {
  if (index === undefined || !(error instanceof RosterApiError)) return error;
  const errors: RosterApiErrorDetail[] = error.errors.map((detail) => ({
    ...detail,
    meta: { ...detail.meta, index },
  }));
  return new RosterApiError({ status: error.status, errors });
}

function own(body: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(body, key) ? body[key] : undefined;
}

function readMetadata(body: Record<string, unknown>, name: string): Metadata {
  const value = own(body, name);
  if (value === undefined || value === null) return {};
  if (!isPlainObject(value)) throw paramInvalidError(name, `${name} must be a JSON object.`);
  const violation = checkMetadataLimits(name, value);
  if (violation) {
    throw createRosterApiError(422, violation.code, violation.shortMessage, {
      longMessage: violation.message,
      paramName: name,
    });
  }
  return value;
}

function readOptionalString(body: Record<string, unknown>, name: string): string | null {
  const value = own(body, name);
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw paramInvalidError(name, `${name} must be a string.`);
  return value;
}

function readBody(body: unknown): ValidInvitationInput {
  if (!isPlainObject(body)) throw requestBodyInvalidError();
  for (const key of Object.keys(body)) {
    if (!INVITATION_BODY_FIELDS.includes(key)) {
      throw createRosterApiError(422, 'form_param_unknown', 'is unknown', {
        longMessage: `${key} is not a valid parameter for this request.`,
        paramName: key,
      });
    }
  }
  const email = own(body, 'email_address');
  if (email === undefined || email === null || email === '') throw paramMissingError('email_address');
  if (typeof email !== 'string') throw paramInvalidError('email_address', 'email_address must be a string.');
  if (!isValidEmailAddress(email)) {
    throw createRosterApiError(422, 'form_param_format_invalid', 'is invalid', {
      longMessage: 'email_address must be a valid email address.',
      paramName: 'email_address',
    });
  }
  const role = own(body, 'role');
  if (role === undefined || role === null || role === '') throw paramMissingError('role');
  if (typeof role !== 'string') throw paramInvalidError('role', 'role must be a string.');
  const inviterUserId = readOptionalString(body, 'inviter_user_id');
  const publicMetadata = readMetadata(body, 'public_metadata');
  const privateMetadata = readMetadata(body, 'private_metadata');
  const redirectUrl = readOptionalString(body, 'redirect_url');
  if (redirectUrl !== null && !isValidRedirectUrl(redirectUrl)) {
    throw paramInvalidError(
      'redirect_url',
      `redirect_url must be an absolute http or https URL of at most ${MAX_REDIRECT_URL_LENGTH} characters.`,
    );
  }
  const days = own(body, 'expires_in_days');
  if (
    days !== undefined &&
    days !== null &&
    (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > MAX_INVITATION_EXPIRY_DAYS)
  ) {
    throw paramInvalidError(
      'expires_in_days',
      `expires_in_days must be an integer between 1 and ${MAX_INVITATION_EXPIRY_DAYS}.`,
    );
  }
  const notify = own(body, 'notify');
  if (notify !== undefined && notify !== null && typeof notify !== 'boolean') {
    throw paramInvalidError('notify', 'notify must be true or false.');
  }
  return {
    emailAddress: email.toLowerCase(),
    role,
    inviterUserId: inviterUserId === '' ? null : inviterUserId,
    publicMetadata,
    privateMetadata,
    redirectUrl,
    expiresInDays: typeof days === 'number' ? days : DEFAULT_INVITATION_EXPIRY_DAYS,
    notify: notify !== false,
  };
}

/** Whether a `redirect_url` is accepted: an absolute http(s) URL of at most 2048 characters. */
export function isValidRedirectUrl(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > MAX_REDIRECT_URL_LENGTH) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Validates one create body (wire form). Throws the Backend API's `RosterApiError`: 400
 * `request_body_invalid` (not an object), 422 `form_param_unknown`, `form_param_missing`
 * (`email_address`, `role`), `form_param_format_invalid` (an email address that is not one),
 * `form_param_value_invalid` (a wrong type, `expires_in_days` outside 1..365, a `redirect_url` that
 * is not an absolute http(s) URL, metadata that is not an object or breaks the limits).
 */
export function readInvitationBody(body: unknown): ValidInvitationInput {
  return readBody(body);
}

/**
 * Validates a bulk body: an array of 1..10 create bodies. Every error of an item carries its
 * position as `meta.index`. 400 `bulk_size_exceeded` over 10 items, 422 `form_param_value_invalid`
 * for an empty array, 400 `request_body_invalid` for anything but an array.
 */
export function readBulkInvitationBody(body: unknown): ValidInvitationInput[] {
  if (!Array.isArray(body)) throw requestBodyInvalidError();
  if (body.length > MAX_BULK_INVITATIONS) throw bulkSizeExceededError(MAX_BULK_INVITATIONS);
  if (body.length === 0) throw paramInvalidError('invitations', 'At least one invitation must be given.');
  return body.map((item, index) => {
    try {
      return readBody(item);
    } catch (error) {
      throw atIndex(error, index);
    }
  });
}

/** Runs a check for bulk item `index`, adding the index to the error's meta. */
export function checkBulkItem<T>(index: number, check: () => T): T {
  try {
    return check();
  } catch (error) {
    throw atIndex(error, index);
  }
}

/** 400 `request_body_invalid`. */
export function requestBodyInvalidError(): RosterApiError {
  return createRosterApiError(400, 'request_body_invalid', 'Request body invalid', {
    longMessage: 'The request body is invalid. Please consult the API documentation for more information.',
  });
}

/** 400 `bulk_size_exceeded`. */
export function bulkSizeExceededError(max: number): RosterApiError {
  return createRosterApiError(400, 'bulk_size_exceeded', 'bulk size exceeded', {
    longMessage: `Parameters exceed the maximum allowed bulk processing size of ${max}.`,
  });
}

/** 404 `resource_not_found` for an unknown invitation (or one of another organization). */
export function invitationNotFoundError(id: string): RosterApiError {
  return createRosterApiError(404, 'resource_not_found', 'not found', {
    longMessage: `No invitation was found with id ${id}.`,
  });
}

/** 404 `organization_invitation_not_pending`: revoking or accepting one that is not pending. */
export function invitationNotPendingError(): RosterApiError {
  return createRosterApiError(404, 'organization_invitation_not_pending', 'not pending', {
    longMessage: "The organization invitation is not in the 'pending' status.",
  });
}

/** 400 `organization_invitation_not_unique`: a pending invitation for the address exists. */
export function invitationNotUniqueError(): RosterApiError {
  return createRosterApiError(
    400,
    'organization_invitation_not_unique',
    'organization invitation not unique',
    {
      longMessage: 'Organizations cannot have duplicate pending invitations for an email address.',
    },
  );
}

/** 400 `already_a_member_in_organization` for an address that belongs to a member. */
export function emailAlreadyMemberError(emailAddress: string): RosterApiError {
  return createRosterApiError(400, 'already_a_member_in_organization', 'already a member', {
    longMessage: `${emailAddress} is already a member of the organization.`,
  });
}

/** 404 `resource_not_found` (`param_name: role`): the invited role does not exist. */
export function invitationRoleNotFoundError(): RosterApiError {
  return createRosterApiError(404, 'resource_not_found', 'not found', {
    longMessage: 'Organization role not found',
    paramName: 'role',
  });
}

/** 403 for an inviter or revoker who is not a member (`not_a_member_in_organization`) or not an admin. */
export function notAnAdminError(member: boolean, paramName: string): RosterApiError {
  return member
    ? createRosterApiError(403, 'not_an_admin_in_organization', 'not an administrator', {
        longMessage:
          'Current user is not an administrator in the organization. Only administrators can perform this action.',
        paramName,
      })
    : createRosterApiError(403, 'not_a_member_in_organization', 'not a member', {
        longMessage: 'Current user is not a member of the organization.',
        paramName,
      });
}
