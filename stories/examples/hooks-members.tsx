import { useOrganizationMemberships, useUpdateMembershipRole } from '@roster/react';

/** No @roster/ui at all: the hooks of @roster/react under the same RosterProvider. */
export function HooksMembers({ organizationId }: { organizationId: string }) {
  const list = useOrganizationMemberships({ organizationId, pageSize: 5 });
  const changeRole = useUpdateMembershipRole(organizationId);
  if (list.isLoading) return <p>Loading…</p>;
  return (
    <>
      <ul>
        {list.data.map((member) => {
          const name = `${member.publicUserData?.firstName ?? ''} ${member.publicUserData?.lastName ?? ''}`;
          const role = member.role === 'org:admin' ? 'org:member' : 'org:admin';
          return (
            <li key={member.id}>
              {name}: {member.roleName ?? member.role}{' '}
              <button
                type="button"
                aria-label={`Toggle admin for ${name}`}
                // Optimistic: the new role shows at once and is undone if the server refuses.
                onClick={() =>
                  changeRole.trigger({ userId: member.publicUserData?.userId ?? '', role }).catch(() => {})
                }
              >
                Toggle admin
              </button>
            </li>
          );
        })}
      </ul>
      <p>
        Page {list.page} of {list.pageCount} ({list.totalCount} members)
      </p>
    </>
  );
}
