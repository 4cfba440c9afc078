import { DEFAULT_PAGE_SIZE } from '@roster/core';
import { type ComponentPropsWithoutRef, forwardRef, memo, useMemo } from 'react';
import {
  CompactSelect,
  type NestedSelectProps,
  nestedSelectProps,
  prefixedClassNames,
} from './compact-select';
import { joinClassNames } from './join-class-names';
import { type RosterLocalizationOverrides, useLocalization } from './localization';
import { usePartProps } from './member-list-context';
import { type MemberListPaginationSlice, MemberListPaginationSliceContext } from './member-list-slices';

/**
 * The parts of {@link MemberListPagination}, stamped `data-roster-slot="member-list-<slot>"`; the
 * root is `member-list-pagination`.
 */
export type MemberListPaginationSlot =
  | 'root'
  | 'status'
  | 'previous'
  | 'next'
  | 'page-size-trigger'
  | 'page-size-content'
  | 'page-size-item';

/** The page sizes offered by default. */
export const DEFAULT_PAGE_SIZE_OPTIONS: readonly number[] = [10, 20, 50, 100];

/**
 * Props of {@link MemberListPagination}. Inside a `MemberList.Root` they come from the Root (props
 * you give win; handlers you give run too); outside one, give `page`, `pageSize`, `totalCount` and
 * `onPageChange`. Other props go to the `<nav>`.
 */
export interface MemberListPaginationProps extends Omit<ComponentPropsWithoutRef<'nav'>, 'children'> {
  /** The current page, 1-based. Default 1. */
  page?: number;
  /** Members per page. Default core's `DEFAULT_PAGE_SIZE` (10). */
  pageSize?: number;
  /** The total count of the list (all pages). Default 0. */
  totalCount?: number;
  /** Called with the page to show. */
  onPageChange?: (page: number) => void;
  /** Page sizes to offer; the select is hidden when this or `onPageSizeChange` is missing or empty. */
  pageSizeOptions?: readonly number[];
  /** Called with the page size the user picks. */
  onPageSizeChange?: (pageSize: number) => void;
  /** Props for the page-size select's trigger and Radix parts (`contentProps`, `itemProps`, ...). */
  pageSizeProps?: NestedSelectProps | undefined;
  /** A page is loading (`data-fetching`). */
  isFetching?: boolean;
  /** Classes per part. */
  classNames?: Partial<Record<MemberListPaginationSlot, string>>;
  /** Strings for this part alone, over the provider's. */
  localization?: RosterLocalizationOverrides;
}

/** What the pagination takes from its Root. */
const fromList = (list: MemberListPaginationSlice): Partial<MemberListPaginationProps> => ({
  page: list.page,
  pageSize: list.pageSize,
  totalCount: list.totalCount,
  onPageChange: list.setPage,
  pageSizeOptions: list.pageSizeOptions,
  onPageSizeChange: list.setPageSize,
  isFetching: list.isFetching,
});

/**
 * Previous/Next, the `1–10 of 253` status and a page-size choice. Memoized, and inside a Root it
 * reads only its share of the list: a role change does not re-render it, and a page change does
 * not re-render its select.
 */
export const MemberListPagination = /* @__PURE__ */ memo(
  /* @__PURE__ */ forwardRef<HTMLElement, MemberListPaginationProps>(
    function MemberListPagination(props, ref) {
      const {
        page = 1,
        pageSize = DEFAULT_PAGE_SIZE,
        totalCount = 0,
        onPageChange,
        pageSizeOptions = DEFAULT_PAGE_SIZE_OPTIONS,
        onPageSizeChange,
        pageSizeProps,
        isFetching = false,
        className,
        classNames,
        localization,
        ...navProps
      } = usePartProps(props, fromList, MemberListPaginationSliceContext);
      const text = useLocalization(localization);
      const pageCount = Math.max(1, Math.ceil(totalCount / pageSize));
      const from = totalCount === 0 ? 0 : Math.min((page - 1) * pageSize + 1, totalCount);
      const to = Math.min(page * pageSize, totalCount);
      const hasPrevious = page > 1;
      const hasNext = page < pageCount;
      const pageSizeSelect = useMemo(() => {
        if (!onPageSizeChange || pageSizeOptions.length === 0) return null;
        const sizes = pageSizeOptions.includes(pageSize)
          ? pageSizeOptions
          : [...pageSizeOptions, pageSize].sort((a, b) => a - b);
        return (
          <CompactSelect
            {...nestedSelectProps(pageSizeProps)}
            options={sizes.map((size) => ({ value: String(size), label: text.pageSizeOption(size) }))}
            value={String(pageSize)}
            onValueChange={(value) => onPageSizeChange(Number(value))}
            aria-label={text.pageSizeLabel}
            slotPrefix="member-list-page-size"
            classNames={prefixedClassNames(classNames, 'page-size')}
          />
        );
      }, [onPageSizeChange, pageSizeOptions, pageSize, pageSizeProps, text, classNames]);

      return (
        <nav
          aria-label={text.paginationLabel}
          {...navProps}
          ref={ref}
          data-roster-slot="member-list-pagination"
          data-fetching={isFetching ? '' : undefined}
          className={joinClassNames(classNames?.root, className)}
        >
          <p role="status" data-roster-slot="member-list-status" className={classNames?.status}>
            {text.pageStatus(from, to, totalCount)}
          </p>
          {pageSizeSelect}
          <button
            type="button"
            disabled={!hasPrevious}
            data-disabled={hasPrevious ? undefined : ''}
            onClick={() => onPageChange?.(page - 1)}
            data-roster-slot="member-list-previous"
            className={classNames?.previous}
          >
            {text.previousPage}
          </button>
          <button
            type="button"
            disabled={!hasNext}
            data-disabled={hasNext ? undefined : ''}
            onClick={() => onPageChange?.(page + 1)}
            data-roster-slot="member-list-next"
            className={classNames?.next}
          >
            {text.nextPage}
          </button>
        </nav>
      );
    },
  ),
);
