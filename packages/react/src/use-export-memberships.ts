import type {
  ExportMembershipsProgress,
  MembershipCsvOptions,
  MembershipExport,
  MembershipListFilters,
  MembershipOrderBy,
  MembershipsClient,
  Metadata,
  RosterApiError,
} from '@roster/core';
import { exportMemberships, isAbortError } from '@roster/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useRosterContext } from './roster-context';

/**
 * Options of {@link useExportMemberships}: the view to export, as the list hooks take it (every
 * filter and the order; paging options are not needed: every page is fetched), and the CSV's
 * columns (public-metadata columns, header overrides, roles for role names).
 */
export interface UseExportMembershipsOptions<TPublic extends Metadata = Metadata>
  extends MembershipListFilters,
    MembershipCsvOptions<TPublic> {
  /** The organization whose members to export. `null`/`undefined`: `exportCsv` does nothing. */
  organizationId: string | null | undefined;
  /** `field` or `+field` ascending, `-field` descending. Default `-created_at` (newest first). */
  orderBy?: MembershipOrderBy | undefined;
}

/** What {@link useExportMemberships} returns. */
export interface UseExportMembershipsResult<TPublic extends Metadata = Metadata> {
  /**
   * Fetches every member of the view (page by page, `MAX_PAGE_SIZE` a page) and writes them as CSV.
   * Resolves with the export, or `null` when it was cancelled (by `cancel`, a newer `exportCsv` or
   * unmounting) or failed (then `error` says why). Never rejects. Stable identity.
   */
  exportCsv: () => Promise<MembershipExport<TPublic> | null>;
  /** Stops the running export: no further page is requested. Stable identity. */
  cancel: () => void;
  /** An export is running. */
  isExporting: boolean;
  /** The running export's progress (`null` before its first page and when none runs). */
  progress: ExportMembershipsProgress | null;
  /** Why the last export failed (a cancelled one is no failure); cleared by the next one. */
  error: RosterApiError | undefined;
  /** Clears `error`. Stable identity. */
  reset: () => void;
}

/**
 * Exports a membership list view as CSV: core's `exportMemberships` through the provider's client,
 * with its progress, cancellation and error as state. What it exports is what the server holds
 * (changes still waiting for the server are not in it). For an Export button of your own; the
 * `@roster/ui` member list has one (`MemberListExportButton`).
 */
export function useExportMemberships<TPublic extends Metadata = Metadata>(
  options: UseExportMembershipsOptions<TPublic>,
): UseExportMembershipsResult<TPublic> {
  const { client } = useRosterContext('useExportMemberships');
  const [isExporting, setIsExporting] = useState(false);
  const [progress, setProgress] = useState<ExportMembershipsProgress | null>(null);
  const [error, setError] = useState<RosterApiError | undefined>(undefined);
  const latest = useRef({ client, options });
  latest.current = { client, options };
  const running = useRef<AbortController | null>(null);

  const cancel = useCallback(() => {
    running.current?.abort();
  }, []);

  useEffect(() => () => running.current?.abort(), []);

  const exportCsv = useCallback(async (): Promise<MembershipExport<TPublic> | null> => {
    const { client: current, options: view } = latest.current;
    if (!view.organizationId) return null;
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    const isCurrent = () => running.current === controller;
    setIsExporting(true);
    setProgress(null);
    setError(undefined);
    try {
      return await exportMemberships<TPublic>({
        ...view,
        organizationId: view.organizationId,
        client: current as unknown as MembershipsClient<TPublic>,
        signal: controller.signal,
        onProgress: (next) => {
          if (isCurrent()) setProgress(next);
        },
      });
    } catch (failure) {
      if (isCurrent() && !controller.signal.aborted && !isAbortError(failure)) {
        setError(failure as RosterApiError);
      }
      return null;
    } finally {
      if (isCurrent()) {
        running.current = null;
        setIsExporting(false);
        setProgress(null);
      }
    }
  }, []);

  const reset = useCallback(() => setError(undefined), []);
  return { exportCsv, cancel, isExporting, progress, error, reset };
}
