import type { MembershipsClient, Metadata } from '@roster/core';
import type { RosterViewer } from './roster-context';
import { useRosterContext } from './roster-context';

/** What {@link useRoster} returns. */
export interface UseRosterResult<TPublic extends Metadata = Metadata, TPrivate extends Metadata = Metadata> {
  /** The provider's client. */
  client: MembershipsClient<TPublic, TPrivate>;
  /** The signed-in user. */
  viewer: RosterViewer;
  /** The provider's locale, if one was given. */
  locale: string | undefined;
  /** Whether the client can search users (`client.listUsers` exists): offer a picker, else a user-ID field. */
  canSearchUsers: boolean;
}

/** The provider's client, viewer and locale. Throws outside `RosterProvider`. */
export function useRoster<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
>(): UseRosterResult<TPublic, TPrivate> {
  const { client, viewer, locale } = useRosterContext('useRoster');
  return {
    client: client as unknown as MembershipsClient<TPublic, TPrivate>,
    viewer,
    locale,
    canSearchUsers: typeof client.listUsers === 'function',
  };
}
