import type { InvitationCache, MembershipCache, MembershipsClient, Metadata, Role } from '@roster/core';
import { createContext, useContext } from 'react';

/** Who is looking at the page: their user ID decides what they may do. */
export interface RosterViewer {
  /** The signed-in user's ID: their own membership in an organization decides what they may do. */
  userId: string;
}

/** What `RosterProvider` shares with every hook below it. */
export interface RosterContextValue {
  client: MembershipsClient<Metadata, Metadata>;
  viewer: RosterViewer;
  roles: readonly Role[] | undefined;
  locale: string | undefined;
  /** Core's membership cache engine, over this provider's SWR cache. */
  cache: MembershipCache;
  /** Core's invitation cache engine, over the same SWR cache. */
  invitationCache: InvitationCache;
}

export const RosterContext = createContext<RosterContextValue | null>(null);

/** The provider's value; throws a clear error outside `RosterProvider`. */
export function useRosterContext(hookName: string): RosterContextValue {
  const value = useContext(RosterContext);
  if (value === null) {
    throw new Error(
      `${hookName} must be used inside <RosterProvider>: wrap your component tree in <RosterProvider client={...} viewer={{ userId }}>.`,
    );
  }
  return value;
}
