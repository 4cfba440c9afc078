import { MemberList, type MemberListColumnInput, type MemberListProps } from '@roster/ui';

// Define render props outside the component (or memoize them): rows are memoized, and a new
// function on every render re-renders every row.
const department: MemberListColumnInput = {
  id: 'department',
  header: 'Department',
  render: ({ member }) => String(member.publicMetadata.department ?? '—'),
};

const columns = ['name', department, 'role', 'actions'] as const;

const renderCell: NonNullable<MemberListProps['renderCell']> = {
  name: ({ defaultContent, member }) => <a href={`#/members/${member.id}`}>{defaultContent}</a>,
};

const renderEmpty: NonNullable<MemberListProps['renderEmpty']> = ({ reason, query, clearSearch }) =>
  reason === 'no-results' ? (
    <p>
      Nobody matches “{query}”.{' '}
      <button type="button" onClick={clearSearch}>
        Show everyone
      </button>
    </p>
  ) : (
    <p>No one here yet.</p>
  );

export function RenderPropsMembers({ organizationId }: { organizationId: string }) {
  return (
    <MemberList
      organizationId={organizationId}
      columns={columns}
      renderCell={renderCell}
      renderEmpty={renderEmpty}
    />
  );
}
