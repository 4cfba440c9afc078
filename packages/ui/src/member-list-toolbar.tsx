import {
  type ComponentPropsWithoutRef,
  forwardRef,
  type ReactNode,
  useEffect,
  useRef,
  useState,
} from 'react';
import { CompactSelect } from './compact-select';
import { joinClassNames } from './join-class-names';
import { type MemberSortOrder, type RosterLocalizationOverrides, useLocalization } from './localization';
import type { RoleSelectOption } from './role-select';

/** The parts of {@link MemberListToolbar}, stamped `data-roster-slot="toolbar-<slot>"`. */
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

/** Props of {@link MemberListToolbar}. Other props go to the root `<div>`. */
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
  /** Extra controls at the end (e.g. the Add member button). */
  actions?: ReactNode;
  /** Classes per part. */
  classNames?: Partial<Record<MemberListToolbarSlot, string>>;
  /** Strings for this part alone, over the provider's. */
  localization?: RosterLocalizationOverrides;
}

/** Search (debounced, clearable, Escape clears), role filter with "All roles", and sort. */
export const MemberListToolbar = forwardRef<HTMLDivElement, MemberListToolbarProps>(
  function MemberListToolbar(
    {
      query,
      defaultQuery = '',
      onQueryChange,
      debounceMs = 300,
      roles,
      roleFilter,
      defaultRoleFilter,
      onRoleFilterChange,
      orderBy,
      defaultOrderBy = '-created_at',
      onOrderByChange,
      sortOrders = DEFAULT_SORT_ORDERS,
      actions,
      className,
      classNames,
      localization,
      ...rootProps
    },
    ref,
  ) {
    const text = useLocalization(localization);
    const [typed, setTyped] = useState(query ?? defaultQuery);
    const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
    const onQueryChangeRef = useRef(onQueryChange);
    onQueryChangeRef.current = onQueryChange;

    // The query we last reported: its echo through a controlled `query` must not overwrite what
    // has been typed since. Any other change came from outside (e.g. "Clear search"): show it.
    const reported = useRef(query ?? defaultQuery);
    useEffect(() => {
      if (query !== undefined && query !== reported.current) {
        reported.current = query;
        setTyped(query);
      }
    }, [query]);
    const report = (next: string) => {
      reported.current = next;
      onQueryChangeRef.current?.(next);
    };
    useEffect(() => () => clearTimeout(timer.current), []);

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

    const [roleState, setRoleState] = useState(defaultRoleFilter ?? null);
    const currentRole = roleFilter === undefined ? roleState : roleFilter;
    const [orderState, setOrderState] = useState<MemberSortOrder>(defaultOrderBy);
    const currentOrder = orderBy ?? orderState;

    return (
      <div
        {...rootProps}
        ref={ref}
        data-roster-slot="toolbar-root"
        className={joinClassNames(classNames?.root, className)}
      >
        <div
          data-roster-slot="toolbar-search"
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
            data-roster-slot="toolbar-search-input"
            className={classNames?.['search-input']}
          />
          {typed && (
            <button
              type="button"
              onClick={clear}
              data-roster-slot="toolbar-search-clear"
              className={classNames?.['search-clear']}
            >
              {text.clearSearch}
            </button>
          )}
        </div>
        {roles && roles.length > 0 && (
          <CompactSelect
            options={[{ key: ALL_ROLES, name: text.allRoles }, ...roles].map((option) => ({
              value: option.key,
              label: option.name,
            }))}
            value={currentRole ?? ALL_ROLES}
            onValueChange={(value) => {
              const next = value === ALL_ROLES ? null : value;
              setRoleState(next);
              onRoleFilterChange?.(next);
            }}
            aria-label={text.roleFilterLabel}
            data-active={currentRole ? '' : undefined}
            slots={{
              trigger: 'toolbar-role-filter-trigger',
              content: 'toolbar-role-filter-content',
              item: 'toolbar-role-filter-item',
            }}
            classNames={{
              trigger: classNames?.['role-filter-trigger'],
              content: classNames?.['role-filter-content'],
              item: classNames?.['role-filter-item'],
            }}
          />
        )}
        {sortOrders.length > 0 && (
          <CompactSelect
            options={sortOrders.map((order) => ({ value: order, label: text.sortOrders[order] }))}
            value={currentOrder}
            onValueChange={(value) => {
              const next = value as MemberSortOrder;
              setOrderState(next);
              onOrderByChange?.(next);
            }}
            aria-label={text.sortLabel}
            slots={{
              trigger: 'toolbar-sort-trigger',
              content: 'toolbar-sort-content',
              item: 'toolbar-sort-item',
            }}
            classNames={{
              trigger: classNames?.['sort-trigger'],
              content: classNames?.['sort-content'],
              item: classNames?.['sort-item'],
            }}
          />
        )}
        {actions && (
          <div data-roster-slot="toolbar-actions" className={classNames?.actions}>
            {actions}
          </div>
        )}
      </div>
    );
  },
);
