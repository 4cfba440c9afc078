// Roster's variant: MemberList from the built @roster/ui, on the in-memory client, paged like the
// baselines, the viewer an admin of the demo organization.
import { RosterProvider } from '@roster/react';
import { MemberList } from '@roster/ui';
import { createElement as h } from 'react';
import { ORGANIZATION_ID, VIEWER_ID } from './bench-data.mjs';

const VIEWER = { userId: VIEWER_ID };

export function RosterList({ client, pageSize }) {
  return h(
    RosterProvider,
    { client, viewer: VIEWER, locale: 'en-US' },
    h(MemberList, {
      organizationId: ORGANIZATION_ID,
      defaultPageSize: pageSize,
      pageSizeOptions: [10, 100, 500],
    }),
  );
}
