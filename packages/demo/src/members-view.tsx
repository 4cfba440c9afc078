import type { MembershipsClient } from '@roster/core';
import { RosterProvider } from '@roster/react';
import { OrganizationMembersPanel } from '@roster/ui';
import type { PlaygroundViewer } from './playground-viewers';

/** Props of {@link MembersView}. */
export interface MembersViewProps {
  client: MembershipsClient;
  viewer: PlaygroundViewer;
}

/** How long a removal or role change can be undone: the playground shows the Undo button. */
const UNDO_WINDOW_MS = 5000;

/** The members page of the viewer's organization, through the browser-facing handler. */
export function MembersView({ client, viewer }: MembersViewProps) {
  return (
    <RosterProvider client={client} viewer={{ userId: viewer.userId }}>
      <OrganizationMembersPanel organizationId={viewer.organizationId} undoWindowMs={UNDO_WINDOW_MS} />
    </RosterProvider>
  );
}
