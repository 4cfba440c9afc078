import { createMemoryClient } from '@roster/core/testing';
import { describeMembershipsClientContract } from './memberships-client-contract';

describeMembershipsClientContract('memory client', async (seed, { now }) => ({
  client: createMemoryClient(seed, { now }),
  close: () => {},
}));
