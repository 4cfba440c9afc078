import type { User } from '@roster/core';

/** A user's primary email address (else their first one), if any. */
export function getUserEmail(user: User): string | undefined {
  const primary = user.emailAddresses.find((email) => email.id === user.primaryEmailAddressId);
  return (primary ?? user.emailAddresses[0])?.emailAddress;
}

/** How the user picker names a user: full name, else email, else username, else ID. */
export function getUserDisplayName(user: User): string {
  const fullName = [user.firstName, user.lastName].filter(Boolean).join(' ').trim();
  return fullName || getUserEmail(user) || user.username || user.id;
}
