import { MemberList } from '@roster/ui';

// Your own CSS on the slots (`data-roster-slot="<family>-<part>"`), with or without styles.css.
const css = `
  [data-roster-slot='member-list-search-input'] { border-width: 2px; }
  .members-remove { text-decoration: underline; }
`;

export function SlottedMembers({ organizationId }: { organizationId: string }) {
  return (
    <>
      <style>{css}</style>
      <MemberList
        organizationId={organizationId}
        // One class per part: the key is the slot's part, e.g. table.remove = `member-list-remove`.
        classNames={{
          root: 'members',
          toolbar: { 'search-input': 'members-search' },
          table: { remove: 'members-remove' },
        }}
      />
    </>
  );
}
