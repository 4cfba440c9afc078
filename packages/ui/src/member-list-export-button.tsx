import type { MembershipCsvHeaders, MembershipCsvMetadataColumn, MembershipExport, Role } from '@roster/core';
import { useExportMemberships } from '@roster/react';
import { type ComponentPropsWithoutRef, forwardRef, useEffect, useRef, useState } from 'react';
import { describeError } from './describe-error';
import { joinClassNames } from './join-class-names';
import { type MemberSortOrder, type RosterLocalizationOverrides, useLocalization } from './localization';
import { type MemberListContextValue, usePartProps } from './member-list-context';

/**
 * The parts of {@link MemberListExportButton}, stamped `data-roster-slot="member-list-export-<slot>"`;
 * the root is `member-list-export`.
 */
export type MemberListExportButtonSlot = 'root' | 'button' | 'cancel' | 'status' | 'error';

/** The file an export produced, as handed to the download. */
export interface MemberListExportFile {
  /** The file name, e.g. `members-acme-2026-05-12.csv`. */
  fileName: string;
  /** The CSV text (RFC 4180, CRLF line ends). */
  csv: string;
  /** The export itself: the members in the file and their count. */
  result: MembershipExport;
}

/** What a custom file name is made from. */
export interface MemberListExportFileNameContext {
  /** The organization's slug when known, else its ID. */
  organization: string;
  /** The export's local date, `YYYY-MM-DD`. */
  date: string;
}

/**
 * Props of {@link MemberListExportButton}. Inside a `MemberList.Root` the view (organization,
 * search, role filter, sort) and the roles come from the Root, so the file holds what the list
 * shows, across all pages; props you give win. Other props go to the root `<div>`.
 */
export interface MemberListExportButtonProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** The organization whose members are exported (from the Root when inside one). */
  organizationId?: string;
  /** The search applied ('' for none). */
  query?: string;
  /** The role filter: a role key, or `null` for all roles. */
  roleFilter?: string | null;
  /** The order of the rows. Default newest first. */
  orderBy?: MemberSortOrder;
  /** The organization's roles, for role names a membership does not carry. */
  roles?: readonly Role[];
  /** Public-metadata columns after the built-in ones (`{ key, label }`), in this order. */
  metadataColumns?: readonly MembershipCsvMetadataColumn[];
  /** Headers to override for the built-in columns (user ID, names, email, role key and name, joined). */
  headers?: Partial<MembershipCsvHeaders>;
  /** The file's name. Default `members-<organization>-<date>.csv`. */
  fileName?: (context: MemberListExportFileNameContext) => string;
  /**
   * Hands the file over. Default: the browser downloads it (a Blob with a UTF-8 byte order mark, so
   * spreadsheets read accents right, through an object URL that is revoked once the download started).
   */
  download?: (file: MemberListExportFile) => void;
  /** Classes per part. `className` goes to the root. */
  classNames?: Partial<Record<MemberListExportButtonSlot, string>>;
  /** Strings for this part alone, over the provider's. */
  localization?: RosterLocalizationOverrides;
}

function fromList(list: MemberListContextValue): Partial<MemberListExportButtonProps> {
  return {
    organizationId: list.organizationId,
    query: list.query,
    roleFilter: list.roleFilter,
    orderBy: list.orderBy,
    roles: list.roles,
  };
}

/** The local date as `YYYY-MM-DD`. */
function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A file-name-safe form of an organization's slug or ID. */
function fileNamePart(value: string): string {
  return value.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'organization';
}

const defaultFileName = ({ organization, date }: MemberListExportFileNameContext) =>
  `members-${fileNamePart(organization)}-${date}.csv`;

/** The browser download: a Blob behind an object URL, clicked through a hidden `<a download>`. */
function downloadInBrowser({ fileName, csv }: MemberListExportFile): void {
  const blob = new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The click starts the download asynchronously: revoke once it has had the URL.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}

type Outcome = { kind: 'done'; count: number } | { kind: 'cancelled' } | null;

/**
 * `Export CSV`: downloads every member of the list's current view (search, role filter and sort
 * applied, all pages, fetched 500 at a time) as CSV. While it runs, a polite status says how far
 * it got (`Exporting… 500 of 1,240`) and `Cancel export` stops it; a failure is shown as an alert
 * and the button tries again. Needs `RosterProvider`; reads the view from `MemberList.Root`.
 */
export const MemberListExportButton = /* @__PURE__ */ forwardRef<HTMLDivElement, MemberListExportButtonProps>(
  function MemberListExportButton(props, ref) {
    const {
      organizationId,
      query,
      roleFilter,
      orderBy,
      roles,
      metadataColumns,
      headers,
      fileName = defaultFileName,
      download = downloadInBrowser,
      classNames,
      className,
      localization,
      ...divProps
    } = usePartProps(props, fromList);
    const text = useLocalization(localization);
    const exporter = useExportMemberships({
      organizationId,
      ...(query && { query }),
      ...(roleFilter && { role: [roleFilter] }),
      ...(orderBy && { orderBy }),
      // The server's role names, not `localization.roleName`: the file is data (a "Role name" column
      // a spreadsheet or an import reads), the same whatever language the page is in.
      ...(roles && { roles }),
      ...(metadataColumns && { metadataColumns }),
      ...(headers && { headers }),
    });
    const [outcome, setOutcome] = useState<Outcome>(null);
    const buttonRef = useRef<HTMLButtonElement>(null);
    const cancelHadFocus = useRef(false);
    const { isExporting, progress, error } = exporter;

    // The Cancel button goes away when the export ends: focus stays on the part, on its button.
    useEffect(() => {
      if (isExporting || !cancelHadFocus.current) return;
      cancelHadFocus.current = false;
      const active = document.activeElement;
      if (active === null || active === document.body) buttonRef.current?.focus();
    }, [isExporting]);

    const start = async () => {
      if (isExporting) return;
      setOutcome(null);
      const result = await exporter.exportCsv();
      if (!result) return;
      const organization = result.memberships[0]?.organization.slug || organizationId || 'organization';
      download({
        fileName: fileName({ organization, date: localDate(new Date()) }),
        csv: result.csv,
        result,
      });
      setOutcome({ kind: 'done', count: result.count });
    };

    const cancel = () => {
      buttonRef.current?.focus();
      exporter.cancel();
      setOutcome({ kind: 'cancelled' });
    };

    const status = isExporting
      ? text.exportProgress(progress?.loaded, progress?.total)
      : outcome?.kind === 'done'
        ? text.exportDone(outcome.count)
        : outcome?.kind === 'cancelled'
          ? text.exportCancelled
          : '';

    return (
      <div
        {...divProps}
        ref={ref}
        data-roster-slot="member-list-export"
        data-pending={isExporting ? '' : undefined}
        className={joinClassNames(classNames?.root, className)}
      >
        <button
          ref={buttonRef}
          type="button"
          aria-disabled={isExporting || undefined}
          onClick={() => void start()}
          data-roster-slot="member-list-export-button"
          className={classNames?.button}
        >
          {text.exportCsv}
        </button>
        {isExporting && (
          <button
            type="button"
            onClick={cancel}
            onFocus={() => {
              cancelHadFocus.current = true;
            }}
            onBlur={(event) => {
              if (event.relatedTarget !== null) cancelHadFocus.current = false;
            }}
            data-roster-slot="member-list-export-cancel"
            className={classNames?.cancel}
          >
            {text.cancelExport}
          </button>
        )}
        <span role="status" data-roster-slot="member-list-export-status" className={classNames?.status}>
          {status}
        </span>
        {error && !isExporting && (
          <p role="alert" data-roster-slot="member-list-export-error" className={classNames?.error}>
            {text.exportFailed(describeError(error, text, 'list'))}
          </p>
        )}
      </div>
    );
  },
);
