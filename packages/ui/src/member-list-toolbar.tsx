import { DEFAULT_MEMBERSHIP_ORDER_BY } from '@roster/core';
import {
  type ComponentPropsWithoutRef,
  forwardRef,
  memo,
  type ReactNode,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import {
  CompactSelect,
  type NestedSelectProps,
  nestedSelectProps,
  prefixedClassNames,
} from './compact-select';
import { joinClassNames } from './join-class-names';
import { type MemberSortOrder, type RosterLocalizationOverrides, useLocalization } from './localization';
import { usePartProps } from './member-list-context';
import { type MemberListToolbarSlice, MemberListToolbarSliceContext } from './member-list-slices';
import type { RoleSelectOption } from './role-select';
import { useControllableState } from './use-controllable-state';

/**
 * The parts of {@link MemberListToolbar}, stamped `data-roster-slot="member-list-<slot>"`; the
 * root is `member-list-toolbar`.
 */
export type MemberListToolbarSlot =
  | 'root'
  | 'search'
  | 'search-input'
  | 'search-clear'
  | 'role-filter-trigger'
  | 'role-filter-content'
  | 'role-filter-item'
  | 'sort-trigger'
  | 'sort-content'
  | 'sort-item'
  | 'actions';

/** The sort orders offered by default, in this order. */
export const DEFAULT_SORT_ORDERS: readonly MemberSortOrder[] = [
  '-created_at',
  '+created_at',
  '+first_name',
  '-first_name',
  '+email_address',
];

/** The role filter's value for "All roles" (Radix Select values cannot be empty). */
const ALL_ROLES = '*';

/**
 * Props of {@link MemberListToolbar}. Inside a `MemberList.Root` the search, roles, filter and sort
 * come from the Root (props you give win; handlers you give run too). Other props go to the root
 * `<div>`.
 */
export interface MemberListToolbarProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** The search (controlled): the applied query. The box shows what is typed before the debounce. */
  query?: string;
  /** The initial search (uncontrolled). */
  defaultQuery?: string;
  /** Called with the query after typing pauses for `debounceMs`, and at once on clear or Escape. */
  onQueryChange?: (query: string) => void;
  /** Typing pause before `onQueryChange`, in ms. Default 300. */
  debounceMs?: number;
  /** The roles to filter by; the filter is hidden when empty or missing. */
  roles?: readonly RoleSelectOption[];
  /** The role filter (controlled): a role key, or `null` for all roles. */
  roleFilter?: string | null;
  /** The initial role filter (uncontrolled). */
  defaultRoleFilter?: string | null;
  /** Called with the role filter the user picks. */
  onRoleFilterChange?: (role: string | null) => void;
  /** The sort order (controlled). */
  orderBy?: MemberSortOrder;
  /** The initial sort order (uncontrolled). */
  defaultOrderBy?: MemberSortOrder;
  /** Called with the sort order the user picks. */
  onOrderByChange?: (orderBy: MemberSortOrder) => void;
  /** Orders offered by the sort select; empty hides it. */
  sortOrders?: readonly MemberSortOrder[];
  /** Props for the role filter's trigger and Radix parts (`contentProps`, `itemProps`, ...). */
  roleFilterProps?: NestedSelectProps | undefined;
  /** Props for the sort select's trigger and Radix parts. */
  sortProps?: NestedSelectProps | undefined;
  /** Extra controls at the end (e.g. the Add member button). */
  actions?: ReactNode;
  /** Classes per part. */
  classNames?: Partial<Record<MemberListToolbarSlot, string>>;
  /** Strings for this part alone, over the provider's. */
  localization?: RosterLocalizationOverrides;
}

/** What the toolbar takes from its Root. */
const fromList = (list: MemberListToolbarSlice): Partial<MemberListToolbarProps> => ({
  query: list.query,
  onQueryChange: list.setQuery,
  roles: list.roles,
  roleFilter: list.roleFilter,
  onRoleFilterChange: list.setRoleFilter,
  orderBy: list.orderBy,
  onOrderByChange: list.setOrderBy,
});

/**
 * Search (debounced, clearable, Escape clears), role filter with "All roles", and sort. Memoized,
 * and inside a Root it reads only its share of the list: a role change or a page change does not
 * re-render it, and typing in the search does not re-render its selects.
 */
export const MemberListToolbar = /* @__PURE__ */ memo(
  /* @__PURE__ */ forwardRef<HTMLDivElement, MemberListToolbarProps>(function MemberListToolbar(props, ref) {
    const {
      query,
      defaultQuery = '',
      onQueryChange,
      debounceMs = 300,
      roles,
      roleFilter,
      defaultRoleFilter = null,
      onRoleFilterChange,
      orderBy,
      defaultOrderBy = DEFAULT_MEMBERSHIP_ORDER_BY,
      onOrderByChange,
      sortOrders = DEFAULT_SORT_ORDERS,
      roleFilterProps,
      sortProps,
      actions,
      className,
      classNames,
      localization,
      ...rootProps
    } = usePartProps(props, fromList, MemberListToolbarSliceContext);
    const text = useLocalization(localization);
    const [applied, setApplied] = useControllableState(
      query,
      defaultQuery,
      onQueryChange,
      'MemberListToolbar (query)',
    );
    const [currentRole, setRole] = useControllableState<string | null>(
      roleFilter,
      defaultRoleFilter,
      onRoleFilterChange,
      'MemberListToolbar (roleFilter)',
    );
    const [currentOrder, setOrder] = useControllableState<MemberSortOrder>(
      orderBy,
      defaultOrderBy,
      onOrderByChange,
      'MemberListToolbar (orderBy)',
    );

    // The box shows what is typed; `applied` is what was last reported (after the debounce). Its
    // echo through a controlled `query` must not overwrite what has been typed since; any other
    // change came from outside (e.g. "Clear search"): show it.
    const [typed, setTyped] = useState(applied);
    const reported = useRef(applied);
    useEffect(() => {
      if (applied !== reported.current) {
        reported.current = applied;
        setTyped(applied);
      }
    }, [applied]);
    const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
    useEffect(() => () => clearTimeout(timer.current), []);
    const report = (next: string) => {
      reported.current = next;
      setApplied(next);
    };
    const type = (next: string) => {
      setTyped(next);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => report(next), debounceMs);
    };
    const clear = () => {
      setTyped('');
      clearTimeout(timer.current);
      report('');
    };

    // The selects re-render only when what they show changes (not with each typed character).
    const roleFilterSelect = useMemo(
      () =>
        roles && roles.length > 0 ? (
          <CompactSelect
            {...nestedSelectProps(roleFilterProps)}
            options={[
              { value: ALL_ROLES, label: text.allRoles },
              ...roles.map((role) => ({ value: role.key, label: text.roleName(role.key, role.name) })),
            ]}
            value={currentRole ?? ALL_ROLES}
            onValueChange={(value) => setRole(value === ALL_ROLES ? null : value)}
            aria-label={text.roleFilterLabel}
            data-active={currentRole ? '' : undefined}
            slotPrefix="member-list-role-filter"
            classNames={prefixedClassNames(classNames, 'role-filter')}
          />
        ) : null,
      [roles, roleFilterProps, text, currentRole, setRole, classNames],
    );
    const sortSelect = useMemo(
      () =>
        sortOrders.length > 0 ? (
          <CompactSelect
            {...nestedSelectProps(sortProps)}
            options={sortOrders.map((order) => ({ value: order, label: text.sortOrders[order] }))}
            value={currentOrder}
            onValueChange={(value) => setOrder(value as MemberSortOrder)}
            aria-label={text.sortLabel}
            slotPrefix="member-list-sort"
            classNames={prefixedClassNames(classNames, 'sort')}
          />
        ) : null,
      [sortOrders, sortProps, text, currentOrder, setOrder, classNames],
    );

    return (
      <div
        {...rootProps}
        ref={ref}
        data-roster-slot="member-list-toolbar"
        className={joinClassNames(classNames?.root, className)}
      >
        <div
          data-roster-slot="member-list-search"
          data-empty={typed ? undefined : ''}
          className={classNames?.search}
        >
          <input
            type="search"
            aria-label={text.searchLabel}
            placeholder={text.searchPlaceholder}
            value={typed}
            onChange={(event) => type(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && typed) {
                event.preventDefault();
                clear();
              }
            }}
            data-roster-slot="member-list-search-input"
            className={classNames?.['search-input']}
          />
          {typed && (
            <button
              type="button"
              onClick={clear}
              data-roster-slot="member-list-search-clear"
              className={classNames?.['search-clear']}
            >
              {text.clearSearch}
            </button>
          )}
        </div>
        {roleFilterSelect}
        {sortSelect}
        {actions && (
          <div data-roster-slot="member-list-actions" className={classNames?.actions}>
            {actions}
          </div>
        )}
      </div>
    );
  }),
);
