import { MemberList, useMemberListContext } from '@roster/ui';

/** A part of your own: it reads the Root's state and actions through the context. */
function MemberCount() {
  const list = useMemberListContext();
  if (list.isLoading) return <p>Counting…</p>;
  return <p>{list.totalCount === 1 ? '1 member' : `${list.totalCount} members`}</p>;
}

export function ComposedMembers({ organizationId }: { organizationId: string }) {
  return (
    <MemberList.Root organizationId={organizationId} defaultPageSize={5}>
      <MemberCount />
      <MemberList.Toolbar sortOrders={[]} />
      <MemberList.Table columns={['name', 'role', 'actions']} />
      <MemberList.Pagination />
      <MemberList.RemoveDialog />
    </MemberList.Root>
  );
}
