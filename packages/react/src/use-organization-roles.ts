import type { Role, RosterApiError } from '@roster/core';
import { isAbortError, ROLES_CACHE_KEY } from '@roster/core';
import useSWR from 'swr';
import { useRosterContext } from './roster-context';

/** What {@link useOrganizationRoles} returns. */
export interface UseOrganizationRolesResult {
  /** The roles to offer (the provider's `roles`, else `client.listRoles`); `undefined` while loading. */
  data: readonly Role[] | undefined;
  /** The roles are being requested for the first time. Always `false` when the provider has `roles`. */
  isLoading: boolean;
  /** The failed roles request's error (aborted requests are not errors). */
  error: RosterApiError | undefined;
}

/** Options of {@link useOrganizationRoles}. */
export interface UseOrganizationRolesOptions {
  /** `false` loads nothing. Default `true`. */
  enabled?: boolean | undefined;
}

/**
 * The roles a member can be given: the provider's `roles` when it has them (no request), else the
 * instance's roles from `client.listRoles` (one request, shared by every caller).
 */
export function useOrganizationRoles(options: UseOrganizationRolesOptions = {}): UseOrganizationRolesResult {
  const { client, roles } = useRosterContext('useOrganizationRoles');
  const shouldFetch = roles === undefined && options.enabled !== false;
  const result = useSWR<readonly Role[]>(
    shouldFetch ? ROLES_CACHE_KEY : null,
    async () => (await client.listRoles({ limit: 100 })).data,
    // Roles change with a deploy, not while a page is open: roles a server prefetched stay as they are.
    { revalidateIfStale: false, revalidateOnFocus: false },
  );
  if (roles !== undefined) return { data: roles, isLoading: false, error: undefined };
  const error = isAbortError(result.error) ? undefined : (result.error as RosterApiError | undefined);
  return { data: result.data, isLoading: result.isLoading, error };
}
