import { isRosterApiError } from '@roster/core';
import type { RosterAction, RosterLocalization } from './localization';

/**
 * A readable message for a failed call: the localization's message for the error code in that
 * action when it has one, else the server's message.
 */
export function describeError(
  error: unknown,
  text: Pick<RosterLocalization, 'errorMessage'>,
  action: RosterAction,
): string {
  if (isRosterApiError(error)) {
    return text.errorMessage(error.code, action) ?? error.message;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
