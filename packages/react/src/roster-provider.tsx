import type { MembershipsClient, Metadata, Role } from '@roster/core';
import { createMembershipCache } from '@roster/core';
import { type ReactNode, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { SWRConfig, type SWRConfiguration, useSWRConfig } from 'swr';
import { RosterContext, type RosterContextValue, type RosterViewer } from './roster-context';
import { createSwrMembershipStorage } from './swr-membership-storage';

/** Props of {@link RosterProvider}. */
export interface RosterProviderProps<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
> {
  /** Where the data comes from: `createHttpClient(...)` in an app, `createMemoryClient(...)` in tests and stories. */
  client: MembershipsClient<TPublic, TPrivate>;
  /** The signed-in user; their membership's permissions decide what the hooks allow. */
  viewer: RosterViewer;
  /** The roles to offer; when absent, `useOrganizationRoles` loads them with `client.listRoles`. */
  roles?: readonly Role[] | undefined;
  /**
   * SWR configuration for Roster's cache. By default Roster keeps its own cache (a fresh `Map` per
   * provider) so its keys never meet your app's; pass `{ provider }` to choose the cache, or any
   * other SWR option (`dedupingInterval`, `revalidateOnFocus`, ...).
   */
  swr?: SWRConfiguration | undefined;
  /** A BCP 47 locale for formatting (dates, numbers); default: the browser's. */
  locale?: string | undefined;
  children?: ReactNode;
}

const ownCache = () => new Map();

/** A layout effect in the browser, where SWR disposes its cache state; a no-op effect on the server. */
const useBrowserLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;

/**
 * Makes a client, the viewer and a shared cache available to every Roster hook below it. Hooks
 * used outside it throw an error that names it.
 */
export function RosterProvider<TPublic extends Metadata = Metadata, TPrivate extends Metadata = Metadata>(
  props: RosterProviderProps<TPublic, TPrivate>,
) {
  const { swr, children, ...rest } = props;
  return (
    <SWRConfig value={{ provider: ownCache, ...swr }}>
      <RosterStoreProvider {...rest}>{children}</RosterStoreProvider>
    </SWRConfig>
  );
}

function RosterStoreProvider<TPublic extends Metadata, TPrivate extends Metadata>({
  client,
  viewer,
  roles,
  locale,
  children,
}: Omit<RosterProviderProps<TPublic, TPrivate>, 'swr'>) {
  const { cache, mutate } = useSWRConfig();
  // When the `SWRConfig` above unmounts, SWR drops its state for this cache (in a layout effect's
  // cleanup), and its `mutate` throws on that cache from then on. A mutation sent before can answer
  // later: the storage must know the cache is gone. This layout effect's cleanup runs in the same
  // commit as SWR's, before any answer can land; StrictMode's remount sets it back, as SWR does.
  const cacheLive = useRef(true);
  useBrowserLayoutEffect(() => {
    cacheLive.current = true;
    return () => {
      cacheLive.current = false;
    };
  }, []);
  const anyClient = client as unknown as MembershipsClient<Metadata, Metadata>;
  const membershipCache = useMemo(
    () =>
      createMembershipCache({
        client: anyClient,
        storage: createSwrMembershipStorage(cache, mutate, () => cacheLive.current),
      }),
    [anyClient, cache, mutate],
  );
  const userId = viewer.userId;
  const value = useMemo<RosterContextValue>(
    () => ({ client: anyClient, viewer: { userId }, roles, locale, cache: membershipCache }),
    [anyClient, userId, roles, locale, membershipCache],
  );
  return <RosterContext.Provider value={value}>{children}</RosterContext.Provider>;
}
