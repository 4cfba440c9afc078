import type { MembershipCacheFallback, MembershipsClient, Metadata, Role } from '@roster/core';
import {
  createHttpClient,
  createInvitationCache,
  createMembershipCache,
  flushDeferredRemovals,
} from '@roster/core';
import { type ReactNode, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { type Cache, type State, SWRConfig, type SWRConfiguration, useSWRConfig } from 'swr';
import { RosterContext, type RosterContextValue, type RosterViewer } from './roster-context';
import { createSwrMembershipStorage } from './swr-membership-storage';

/**
 * What a server prefetch (`prefetchOrganizationMemberships` of `@roster/react/server`) resolves to:
 * cache entries by key, plain JSON, safe to pass from a server component to `RosterProvider`.
 */
export type RosterFallback = MembershipCacheFallback;

/** Props of {@link RosterProvider} with a client object. */
export interface RosterProviderProps<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
> extends RosterProviderOptions {
  /** Where the data comes from: `createHttpClient(...)` in an app, `createMemoryClient(...)` in tests and stories. */
  client: MembershipsClient<TPublic, TPrivate>;
  apiUrl?: undefined;
}

/** Props of {@link RosterProvider} with the URL of your handler: all serialisable. */
export interface RosterProviderApiUrlProps extends RosterProviderOptions {
  /**
   * The URL of your `createMembershipsHandler` route (e.g. `/api/roster`), for
   * `createHttpClient({ baseUrl: apiUrl })`. A string, so a server component can render the provider.
   */
  apiUrl: string;
  client?: undefined;
}

/** The props of {@link RosterProvider} besides its data source. */
export interface RosterProviderOptions {
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
  /**
   * How many list pages (and load-more lists) the cache keeps at most. Past it, the least recently
   * used pages that no mounted view shows and nothing retains (the prefetched next page is retained
   * while its list is shown) are evicted, and load again when shown. Default 30; `Infinity` keeps
   * everything. Read once, when the provider mounts.
   */
  cacheLimit?: number | undefined;
  /**
   * Milliseconds a list stays fresh after its last read from the server: when the window regains
   * focus, only the lists on screen that are older than this are refetched (SWR's `revalidateOnFocus:
   * false` in `swr` turns that off). Default 30 000. Read once, when the provider mounts.
   */
  staleTime?: number | undefined;
  /**
   * A BCP 47 locale for formatting (dates, numbers); default: the browser's. Set it when the page is
   * server-rendered, so the server and the browser format alike.
   */
  locale?: string | undefined;
  /**
   * What the first paint needs, loaded on the server (`prefetchOrganizationMemberships`): the
   * views it holds render at once, also in the server's HTML, and their first read sends no request.
   */
  fallback?: RosterFallback | undefined;
  children?: ReactNode;
}

/** A layout effect in the browser, where SWR disposes its cache state; a no-op effect on the server. */
const useBrowserLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;

/**
 * Makes a client, the viewer and a shared cache available to every Roster hook below it. Hooks
 * used outside it throw an error that names it.
 */
export function RosterProvider<TPublic extends Metadata = Metadata, TPrivate extends Metadata = Metadata>(
  props: RosterProviderProps<TPublic, TPrivate> | RosterProviderApiUrlProps,
) {
  const { swr, children, fallback, apiUrl, client, ...rest } = props;
  const focus = swr?.revalidateOnFocus !== false;
  const appProvider = swr?.provider;
  // The fallback is read once, when the cache is made: a later one does not overwrite newer data.
  const initialFallback = useRef(fallback).current;
  // A fresh cache per provider (or the app's), holding the fallback's entries before the first read.
  const provider = useMemo(
    () => (parent: Readonly<Cache>) => {
      const cache = appProvider ? appProvider(parent) : new Map();
      for (const [key, data] of Object.entries(initialFallback ?? {})) {
        if (cache.get(key) === undefined) cache.set(key, { data } as State<unknown, unknown>);
      }
      return cache as Cache;
    },
    [appProvider, initialFallback],
  );
  const dataClient = useMemo(
    () => client ?? createHttpClient<TPublic, TPrivate>({ baseUrl: apiUrl ?? '' }),
    [client, apiUrl],
  );
  return (
    <SWRConfig value={{ ...swr, provider }}>
      <RosterStoreProvider
        {...rest}
        client={dataClient as MembershipsClient<TPublic, TPrivate>}
        hydrated={initialFallback}
        revalidateOnFocus={focus}
      >
        {children}
      </RosterStoreProvider>
    </SWRConfig>
  );
}

function RosterStoreProvider<TPublic extends Metadata, TPrivate extends Metadata>({
  client,
  viewer,
  roles,
  locale,
  hydrated,
  cacheLimit,
  staleTime,
  revalidateOnFocus,
  children,
}: Omit<RosterProviderOptions, 'swr' | 'fallback'> & {
  client: MembershipsClient<TPublic, TPrivate>;
  hydrated: RosterFallback | undefined;
  revalidateOnFocus: boolean;
}) {
  const engineOptions = useRef({ cacheLimit, staleTime }).current;
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
  const [membershipCache, invitationCache] = useMemo(() => {
    const storage = createSwrMembershipStorage(cache, mutate, () => cacheLive.current);
    const engine = createMembershipCache({ client: anyClient, storage, ...engineOptions });
    const invitations = createInvitationCache({ client: anyClient, storage });
    for (const hydratable of [engine, invitations]) hydratable.hydrate(Object.keys(hydrated ?? {}));
    return [engine, invitations] as const;
  }, [anyClient, cache, mutate, hydrated, engineOptions]);
  // A window focus refetches the lists on screen that are stale, not every list mounted.
  useEffect(() => {
    if (!revalidateOnFocus || typeof window === 'undefined') return;
    const onFocus = () => {
      if (document.visibilityState !== 'hidden') membershipCache.revalidateStale();
    };
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onFocus);
    return () => {
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onFocus);
    };
  }, [membershipCache, revalidateOnFocus]);
  // Deferred removals (an undo window still open) are sent at once, with `keepalive`, when the page
  // goes away or the provider unmounts: nothing is lost.
  useEffect(() => {
    if (typeof window === 'undefined') return;
    const flush = () => void flushDeferredRemovals(membershipCache);
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [membershipCache]);
  const userId = viewer.userId;
  const value = useMemo<RosterContextValue>(
    () => ({ client: anyClient, viewer: { userId }, roles, locale, cache: membershipCache, invitationCache }),
    [anyClient, userId, roles, locale, membershipCache, invitationCache],
  );
  return <RosterContext.Provider value={value}>{children}</RosterContext.Provider>;
}
