import type { OrganizationMembership } from '@roster/core';

/**
 * How a member is named everywhere (accessible names, dialogs, announcements): their full name, or
 * their identifier (email, phone, username) when they have no name, else their user ID.
 */
export function getMemberDisplayName(member: Pick<OrganizationMembership, 'publicUserData' | 'id'>): string {
  const user = member.publicUserData;
  const fullName = [user?.firstName, user?.lastName].filter(Boolean).join(' ').trim();
  return fullName || user?.identifier || user?.username || user?.userId || member.id;
}
