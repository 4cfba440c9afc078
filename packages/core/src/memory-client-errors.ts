import { createRosterApiError, type RosterApiError } from './errors';
import type { MetadataLimitViolation } from './metadata-limits';

/**
 * The Backend API's error answers, as the in-memory client raises them (same statuses, codes and
 * `meta.paramName` as Clerk and the local server, so code written against one works with the other).
 */

/** 404 `resource_not_found`: an unknown organization, user or membership. */
export function resourceNotFoundError(longMessage: string): RosterApiError {
  return createRosterApiError(404, 'resource_not_found', 'not found', { longMessage });
}

/** 422 `form_param_missing`: a required parameter is absent or empty. */
export function paramMissingError(paramName: string): RosterApiError {
  return createRosterApiError(422, 'form_param_missing', 'is missing', {
    longMessage: `${paramName} must be included.`,
    paramName,
  });
}

/** 422 `form_param_value_invalid`: a parameter has a value of the wrong type or out of range. */
export function paramInvalidError(paramName: string, longMessage: string): RosterApiError {
  return createRosterApiError(422, 'form_param_value_invalid', 'is invalid', { longMessage, paramName });
}

/** 422 `form_param_array_size_exceeded`: an array parameter carries more values than allowed. */
export function paramArraySizeExceededError(paramName: string, max: number): RosterApiError {
  return createRosterApiError(422, 'form_param_array_size_exceeded', 'exceeds maximum size', {
    longMessage: `${paramName} should not exceed ${max} items.`,
    paramName,
  });
}

/** 422 for a metadata value beyond core's limits: `form_param_exceeds_allowed_size` (8 KB) or `form_param_value_invalid`. */
export function metadataLimitError(paramName: string, violation: MetadataLimitViolation): RosterApiError {
  return createRosterApiError(422, violation.code, violation.shortMessage, {
    longMessage: violation.message,
    paramName,
  });
}

/** 400 `already_a_member_in_organization`. */
export function alreadyMemberError(userId: string): RosterApiError {
  return createRosterApiError(400, 'already_a_member_in_organization', 'Already a member', {
    longMessage: `User ${userId} is already a member of the organization.`,
  });
}

/** 400 `organization_minimum_permissions_needed`: the last admin cannot be removed or demoted. */
export function minimumPermissionsNeededError(): RosterApiError {
  return createRosterApiError(400, 'organization_minimum_permissions_needed', 'Minimum permissions needed', {
    longMessage: 'There has to be at least one organization member with the minimum required permissions.',
  });
}

/** 403 `organization_membership_quota_exceeded`: `maxAllowedMemberships` is reached. */
export function membershipQuotaExceededError(max: number): RosterApiError {
  return createRosterApiError(403, 'organization_membership_quota_exceeded', 'Membership quota exceeded', {
    longMessage: `You have reached your limit of ${max} organization memberships, including outstanding invitations.`,
  });
}

/** 500 `internal_clerk_error`: what an injected failure (`failNext`, `failureRate`) rejects with. */
export function injectedFailureError(method: string): RosterApiError {
  return createRosterApiError(500, 'internal_clerk_error', 'Oops, an unexpected error occurred', {
    longMessage: `The in-memory client injected a failure into ${method}. Nothing was changed.`,
  });
}
