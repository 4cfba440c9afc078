// Test helper: a RosterProvider on a fresh in-memory client seeded with the demo data.
import {
  createDemoSeed,
  createMemoryClient,
  DEMO_IDS,
  type MemoryClient,
  type SeedData,
} from '@roster/core/testing';
import { RosterProvider } from '@roster/react';
import { type RenderResult, render } from '@testing-library/react';
import type { ReactNode } from 'react';

export interface RenderWithRosterOptions {
  viewerId?: string;
  seed?: SeedData;
  client?: MemoryClient;
  locale?: string;
}

export function renderWithRoster(
  ui: ReactNode,
  options: RenderWithRosterOptions = {},
): RenderResult & { client: MemoryClient } {
  const client = options.client ?? createMemoryClient(options.seed ?? createDemoSeed());
  const viewerId = options.viewerId ?? DEMO_IDS.adminUserId;
  const result = render(
    <RosterProvider client={client} viewer={{ userId: viewerId }} locale={options.locale ?? 'en-US'}>
      {ui}
    </RosterProvider>,
  );
  return { ...result, client };
}

/** The membership of `userId` in `organizationId`, as the client (server truth) has it. */
export function serverMembership(client: MemoryClient, organizationId: string, userId: string) {
  return client
    .snapshot()
    .memberships.find((m) => m.organization.id === organizationId && m.publicUserData?.userId === userId);
}
