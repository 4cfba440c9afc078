import type { MembershipsClient } from '@roster/core';
import { RosterProvider } from '@roster/react';
import { OrganizationMembersPanel } from '@roster/ui';
import type { PlaygroundViewer } from './playground-viewers';

/** Props of {@link MembersView}. */
export interface MembersViewProps {
  client: MembershipsClient;
  viewer: PlaygroundViewer;
}

/** The members page of the viewer's organization, through the browser-facing handler. */
export function MembersView({ client, viewer }: MembersViewProps) {
  return (
    <RosterProvider client={client} viewer={{ userId: viewer.userId }}>
      <OrganizationMembersPanel organizationId={viewer.organizationId} />
    </RosterProvider>
  );
}
