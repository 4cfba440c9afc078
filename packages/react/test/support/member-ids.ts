import type { OrganizationMembership } from '@roster/core';

/** The user IDs of a list, in order. */
export function userIds(data: readonly OrganizationMembership[]): (string | undefined)[] {
  return data.map((m) => m.publicUserData?.userId);
}

/** The member of a list with this user ID. */
export function memberOf(data: readonly OrganizationMembership[], userId: string) {
  return data.find((m) => m.publicUserData?.userId === userId);
}
