import { createHttpClient, type MembershipsClient } from '@roster/core';
import { RosterProvider } from '@roster/react';
import { OrganizationMembersPanel } from '@roster/ui';

// Your browser-facing handler (`createMembershipsHandler` from @roster/handler), here at /api/roster.
const rosterClient = createHttpClient({ baseUrl: '/api/roster' });

export interface MembersAppProps {
  /** The signed-in user, from your session. */
  userId: string;
  organizationId: string;
  /** Defaults to the HTTP client; tests and stories pass `createMemoryClient(createDemoSeed())`. */
  client?: MembershipsClient;
}

export function MembersApp({ userId, organizationId, client = rosterClient }: MembersAppProps) {
  return (
    <RosterProvider client={client} viewer={{ userId }} locale="en-US">
      <OrganizationMembersPanel organizationId={organizationId} />
    </RosterProvider>
  );
}
