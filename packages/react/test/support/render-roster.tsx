import type { MembershipsClient } from '@roster/core';
import { type RenderHookResult, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { RosterProvider } from '../../src/roster-provider';
import { ADMIN } from './test-seed';

/** A wrapper with a fresh provider and a fresh SWR cache (a new `Map` per render). */
export function rosterWrapper(client: MembershipsClient, viewerId: string = ADMIN) {
  // biome-ignore lint/correctness/noComponentHookFactories: a test wrapper bound to one client, created once per render
  return function Wrapper({ children }: { children: ReactNode }) {
    return (
      <RosterProvider client={client} viewer={{ userId: viewerId }} swr={{ provider: () => new Map() }}>
        {children}
      </RosterProvider>
    );
  };
}

/** `renderHook` inside a fresh `RosterProvider`. */
export function renderRosterHook<T>(
  hook: () => T,
  client: MembershipsClient,
  viewerId?: string,
): RenderHookResult<T, unknown> {
  return renderHook(hook, { wrapper: rosterWrapper(client, viewerId) });
}
