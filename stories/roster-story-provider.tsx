// Shared by the stories: a RosterProvider on a fresh in-memory client per story (no network).
import {
  createDemoSeed,
  createMemoryClient,
  DEMO_IDS,
  type MemoryClient,
  type SeedData,
} from '@roster/core/testing';
import { RosterProvider } from '@roster/react';
import { type ReactNode, useState } from 'react';

/** Props of {@link RosterStoryProvider}. */
export interface RosterStoryProviderProps {
  /** The seed (default: the demo seed, Acme with ~250 members). */
  seed?: SeedData;
  /** The signed-in user (default: Alice, Acme's admin). */
  viewerId?: string;
  /** Adjusts the client before the story renders (latency, failures). */
  configure?: (client: MemoryClient) => MemoryClient | undefined;
  locale?: string;
  children: ReactNode;
}

/** Wraps a story in a provider with its own in-memory client, created once per mount. */
export function RosterStoryProvider({
  seed,
  viewerId,
  configure,
  locale,
  children,
}: RosterStoryProviderProps) {
  const [client] = useState(() => {
    const created = createMemoryClient(seed ?? createDemoSeed());
    return configure?.(created) ?? created;
  });
  return (
    <RosterProvider
      client={client}
      viewer={{ userId: viewerId ?? DEMO_IDS.adminUserId }}
      locale={locale ?? 'en-US'}
    >
      {children}
    </RosterProvider>
  );
}
