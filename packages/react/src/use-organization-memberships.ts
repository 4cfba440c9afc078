import type { MembershipListFilters, MembershipOrderBy, Metadata } from '@roster/core';
import { membershipListKey, organizationMembershipListSource } from '@roster/core';
import { useMemo } from 'react';
import type { MembershipListQueryOptions, MembershipListResult } from './membership-list-result';
import { useRosterContext } from './roster-context';
import { useMembershipList } from './use-membership-list';

/** Options of {@link useOrganizationMemberships}: every Backend API list filter, plus paging. */
export interface UseOrganizationMembershipsOptions extends MembershipListFilters, MembershipListQueryOptions {
  /** The organization whose members to list. `null`/`undefined` fetches nothing (like `enabled: false`). */
  organizationId: string | null | undefined;
  /** `field` or `+field` ascending, `-field` descending. Default `-created_at` (newest first). */
  orderBy?: MembershipOrderBy | undefined;
}

/** What {@link useOrganizationMemberships} returns. */
export type UseOrganizationMembershipsResult<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
> = MembershipListResult<TPublic, TPrivate>;

/**
 * One organization's members, a page at a time (or `infinite: true` for a load-more list), with
 * pending changes from the mutation hooks applied as soon as they are made. Changing a filter, the
 * order or the page size goes back to page 1. Identical views share one cache entry and one
 * request.
 */
export function useOrganizationMemberships<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
>(options: UseOrganizationMembershipsOptions): UseOrganizationMembershipsResult<TPublic, TPrivate> {
  const { cache } = useRosterContext('useOrganizationMemberships');
  const { organizationId } = options;
  const view = { ...options, organizationId: organizationId ?? '', page: 1 };
  const firstPageKey = membershipListKey(view);
  // One source per list (its first page's key): equal options make the same source.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `firstPageKey` stands for `view`.
  const source = useMemo(() => organizationMembershipListSource(view), [firstPageKey]);
  const result = useMembershipList(
    'useOrganizationMemberships',
    cache,
    organizationId ? source : null,
    options,
  );
  return result as unknown as UseOrganizationMembershipsResult<TPublic, TPrivate>;
}
