import { createMemoryClient } from '@roster/core/testing';
import { describeMembershipsClientContract } from './memberships-client-contract';

describeMembershipsClientContract('memory client', async (seed, { now }) => {
  const client = createMemoryClient(seed, { now });
  return {
    client,
    close: () => {},
    acceptInvitation: async (invitationId) => client.acceptInvitation(invitationId),
  };
});
