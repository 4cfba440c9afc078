import { type ComponentPropsWithoutRef, forwardRef, type ReactNode, useState } from 'react';
import { WithAnnouncer } from './announcer';
import { type RosterLocalizationOverrides, RosterLocalizationProvider } from './localization';
import {
  MemberListContext,
  MemberListFocusContext,
  type MemberListFocusTargets,
} from './member-list-context';
import { type MemberListRowDefaults, MemberListRowDefaultsContext } from './member-list-row';
import {
  MemberListBulkBarSliceContext,
  MemberListPaginationSliceContext,
  MemberListTableSliceContext,
  MemberListToolbarSliceContext,
  useMemberListSlices,
} from './member-list-slices';
import { PortalContainerContext } from './portal-container';
import { splitProps } from './split-props';
import { useComposedRefs } from './use-composed-refs';
import { type UseMemberListOptions, useMemberList } from './use-member-list';
import { useStableObject } from './use-stable-object';

/**
 * Props of {@link MemberListRoot}: the list's options (see `useMemberList`), `localization`, and
 * the parts as `children`. Other props go to the root `<div>` (`data-roster-slot="member-list-root"`).
 */
export interface MemberListRootProps
  extends UseMemberListOptions,
    Omit<ComponentPropsWithoutRef<'div'>, 'defaultValue'> {
  /** Strings to override for every part inside (English by default). */
  localization?: RosterLocalizationOverrides | undefined;
  /** The parts, in any order: `MemberList.Toolbar`, `.BulkBar`, `.Table`, `.Pagination`, `.RemoveDialog`, yours. */
  children?: ReactNode;
}

/**
 * The member list's state for the parts inside it, with no markup of its own but a `<div>`:
 * `useMemberList`'s state and actions (read them with `useMemberListContext`), the strings
 * (`localization`), a live region for announcements (unless one is above) and the portal
 * container for selects and dialogs (the `<div>`, so they inherit its CSS variables and theme).
 */
export const MemberListRoot = /* @__PURE__ */ forwardRef<HTMLDivElement, MemberListRootProps>(
  function MemberListRoot({ localization, ...props }, ref) {
    return (
      <WithAnnouncer>
        <RosterLocalizationProvider localization={localization}>
          <MemberListRootContent {...props} ref={ref} />
        </RosterLocalizationProvider>
      </WithAnnouncer>
    );
  },
);

/**
 * Every option of `useMemberList`, once: the Root hands these props to the hook and the rest to its
 * `<div>`. `satisfies` fails the build when the hook gains an option that is not listed.
 */
const MEMBER_LIST_OPTION_KEYS = {
  organizationId: true,
  pageSize: true,
  defaultPageSize: true,
  onPageSizeChange: true,
  pageSizeOptions: true,
  query: true,
  defaultQuery: true,
  onQueryChange: true,
  roleFilter: true,
  defaultRoleFilter: true,
  onRoleFilterChange: true,
  orderBy: true,
  defaultOrderBy: true,
  onOrderByChange: true,
  onMutationSettled: true,
  selectedUserIds: true,
  defaultSelectedUserIds: true,
  onSelectedUserIdsChange: true,
  undoWindowMs: true,
} satisfies Record<keyof UseMemberListOptions, true>;

const MemberListRootContent = /* @__PURE__ */ forwardRef<
  HTMLDivElement,
  Omit<MemberListRootProps, 'localization'>
>(function MemberListRootContent(props, ref) {
  const [options, { children, ...divProps }] = splitProps(props, MEMBER_LIST_OPTION_KEYS);
  const list = useMemberList(options);
  const [container, setContainer] = useState<HTMLDivElement | null>(null);
  const rootRef = useComposedRefs(ref, setContainer);
  const [focus] = useState<MemberListFocusTargets>(() => ({ table: null, removeButtons: new Map() }));
  // For rows rendered outside a `MemberList.Table` (a table of your own); the table provides its own.
  const rowDefaults = useStableObject<MemberListRowDefaults>({
    viewer: list.viewer,
    roles: list.roles,
    locale: list.locale,
    onRoleChange: list.changeRole,
    onRemoveRequest: list.requestRemoval,
  });
  const slices = useMemberListSlices(list);
  return (
    <div {...divProps} ref={rootRef} data-roster-slot="member-list-root">
      <PortalContainerContext.Provider value={container}>
        <MemberListContext.Provider value={list}>
          <MemberListToolbarSliceContext.Provider value={slices.toolbar}>
            <MemberListPaginationSliceContext.Provider value={slices.pagination}>
              <MemberListTableSliceContext.Provider value={slices.table}>
                <MemberListBulkBarSliceContext.Provider value={slices.bulkBar}>
                  <MemberListFocusContext.Provider value={focus}>
                    <MemberListRowDefaultsContext.Provider value={rowDefaults}>
                      {children}
                    </MemberListRowDefaultsContext.Provider>
                  </MemberListFocusContext.Provider>
                </MemberListBulkBarSliceContext.Provider>
              </MemberListTableSliceContext.Provider>
            </MemberListPaginationSliceContext.Provider>
          </MemberListToolbarSliceContext.Provider>
        </MemberListContext.Provider>
      </PortalContainerContext.Provider>
    </div>
  );
});
