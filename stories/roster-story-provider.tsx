// Shared by the stories: a RosterProvider on a fresh in-memory client per story (no network).
import {
  createDemoSeed,
  createMemoryClient,
  DEMO_IDS,
  type MemoryClient,
  type SeedData,
} from '@roster/core/testing';
import { RosterProvider } from '@roster/react';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { type RoleSetName, seedWithRoles } from './story-knobs';

/** Props of {@link RosterStoryProvider}. */
export interface RosterStoryProviderProps {
  /** The seed (default: the demo seed, Acme with ~250 members). */
  seed?: SeedData | undefined;
  /** The roles the memory client offers (default: the demo's three). Changing it remounts the story. */
  roles?: RoleSetName | undefined;
  /** The memory client's latency in ms (`createMemoryClient`'s option; later changes are applied). */
  latency?: number | undefined;
  /** The memory client's random failure rate of mutations, 0..1 (later changes are applied). */
  failureRate?: number | undefined;
  /** The signed-in user (default: Alice, Acme's admin). */
  viewerId?: string | undefined;
  /** Adjusts the client before the story renders (latency, failures); runs after the options above. */
  configure?: ((client: MemoryClient) => MemoryClient | undefined) | undefined;
  locale?: string | undefined;
  children: ReactNode;
}

/** Wraps a story in a provider with its own in-memory client, created once per mount (and role set). */
export function RosterStoryProvider(props: RosterStoryProviderProps) {
  return <StoryClientProvider key={props.roles ?? ''} {...props} />;
}

/** Calls `apply` when `value` changes after the first render (the first value went to the client). */
function useOnChange<T>(value: T, apply: (value: T) => void): void {
  const previous = useRef(value);
  useEffect(() => {
    if (Object.is(previous.current, value)) return;
    previous.current = value;
    apply(value);
  });
}

function StoryClientProvider({
  seed,
  roles,
  latency,
  failureRate,
  viewerId,
  configure,
  locale,
  children,
}: RosterStoryProviderProps) {
  const [client] = useState(() => {
    const created = createMemoryClient(seedWithRoles(seed ?? createDemoSeed(), roles), {
      ...(latency !== undefined && { latency }),
      ...(failureRate !== undefined && { failureRate }),
    });
    return configure?.(created) ?? created;
  });
  useOnChange(latency, (next) => client.setLatency(next ?? 0));
  useOnChange(failureRate, (next) => client.setFailureRate(next ?? 0));
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
