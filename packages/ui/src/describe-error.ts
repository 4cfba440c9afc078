import { isRosterApiError } from '@roster/core';
import type { RosterLocalization } from './localization';

/**
 * A readable message for a failed call: the localization's message for the error code when it has
 * one, else the server's (long) message.
 */
export function describeError(error: unknown, text: Pick<RosterLocalization, 'errorMessage'>): string {
  if (isRosterApiError(error)) {
    return text.errorMessage(error.code) ?? error.message;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
