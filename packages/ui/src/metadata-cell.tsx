import type { MetadataPatch } from '@roster/core';
import { useRoster, useUpdateMembershipMetadata } from '@roster/react';
import { type KeyboardEvent, useId, useState } from 'react';
import { useAnnounce } from './announcer';
import { describeError } from './describe-error';
import { type RosterLocalization, useLocalization } from './localization';
import type { MemberListRowContext } from './member-list-columns';
import type { MetadataColumnDefinition } from './metadata-column';

/** Props of {@link MetadataCell} (internal: `metadataColumn` renders it). */
export interface MetadataCellProps {
  /** The column's definition. */
  column: MetadataColumnDefinition;
  /** The row's member, name and permissions. */
  context: MemberListRowContext;
}

/** A draft's outcome: the value to send (`null` deletes the key), or why it cannot be sent. */
type Parsed = { ok: true; value: unknown } | { ok: false; error: string };

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function cached<Format>(cache: Map<string, Format>, locale: string | undefined, make: () => Format): Format {
  const key = locale ?? '';
  let format = cache.get(key);
  if (!format) {
    format = make();
    cache.set(key, format);
  }
  return format;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The UTC timestamp of a `YYYY-MM-DD` calendar date, or `undefined` when it is not one. */
function parseDate(text: string): number | undefined {
  const match = DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? time : undefined;
}

/** A metadata value as read-only text in the locale (a value of another type shows as it is). */
export function formatMetadataValue(
  column: MetadataColumnDefinition,
  value: unknown,
  locale: string | undefined,
  text: Pick<RosterLocalization, 'metadataYes' | 'metadataNo'>,
): string {
  if (value === null || value === undefined) return '';
  switch (column.type) {
    case 'number':
      if (typeof value === 'number')
        return cached(numberFormats, locale, () => new Intl.NumberFormat(locale)).format(value);
      break;
    case 'boolean':
      if (typeof value === 'boolean') return value ? text.metadataYes : text.metadataNo;
      break;
    case 'date': {
      const time = typeof value === 'string' ? parseDate(value) : undefined;
      if (time !== undefined) {
        const format = () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
        return cached(dateFormats, locale, format).format(time);
      }
      break;
    }
    case 'select': {
      const option = column.options.find((choice) => choice.value === value);
      if (option) return option.label;
      break;
    }
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? '';
}

/** The input's text for a stored value. */
function draftOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : String(value);
}

/** A text, number or date draft as the value to send, checked for its type. */
function parseDraft(column: MetadataColumnDefinition, draft: string, text: RosterLocalization): Parsed {
  const trimmed = draft.trim();
  if (trimmed === '') return { ok: true, value: null };
  if (column.type === 'number') {
    const number = Number(trimmed);
    return Number.isFinite(number)
      ? { ok: true, value: number }
      : { ok: false, error: text.metadataInvalidNumber };
  }
  if (column.type === 'date') {
    return parseDate(trimmed) !== undefined
      ? { ok: true, value: trimmed }
      : { ok: false, error: text.metadataInvalidDate };
  }
  return { ok: true, value: draft };
}

/**
 * One member's metadata value: formatted text for read-only viewers; for viewers who may manage
 * members in an editable column, a control named `{label} for {name}` that checks and saves it.
 */
export function MetadataCell({ column, context }: MetadataCellProps) {
  const { member, name, permissions } = context;
  const text = useLocalization();
  const { locale } = useRoster();
  const value = (member.publicMetadata as Record<string, unknown>)[column.key];
  if (!column.editable || !permissions.canManage) {
    return (
      <span data-roster-slot="metadata-value" data-type={column.type}>
        {formatMetadataValue(column, value, locale, text)}
      </span>
    );
  }
  return <MetadataEditor column={column} context={context} value={value} name={name} />;
}

interface MetadataEditorProps extends MetadataCellProps {
  value: unknown;
  name: string;
}

function MetadataEditor({ column, context, value, name }: MetadataEditorProps) {
  const { member } = context;
  const text = useLocalization();
  const announce = useAnnounce();
  const errorId = useId();
  const userId = member.publicUserData?.userId;
  const { trigger } = useUpdateMembershipMetadata(member.organization.id);
  // `null` while not editing: the input shows the member's value (reverted on failure too).
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const label = text.metadataFieldLabel(column.label, name);

  const save = (next: unknown) => {
    if (!userId) return;
    const publicMetadata = { [column.key]: next } as MetadataPatch;
    trigger({ userId, publicMetadata }).then(
      () => announce(text.metadataSaved(column.label, name)),
      (reason: unknown) => {
        announce(text.metadataSaveFailed(column.label, name, describeError(reason, text, 'role-change')));
      },
    );
  };

  if (column.type === 'boolean') {
    return (
      <input
        type="checkbox"
        aria-label={label}
        checked={value === true}
        data-roster-slot="metadata-checkbox"
        onChange={(event) => save(event.currentTarget.checked)}
      />
    );
  }

  if (column.type === 'select') {
    const current = draftOf(value);
    const known = current === '' || column.options.some((option) => option.value === current);
    return (
      <select
        aria-label={label}
        value={current}
        data-roster-slot="metadata-select"
        onChange={(event) => save(event.currentTarget.value === '' ? null : event.currentTarget.value)}
      >
        <option value="">{text.metadataNotSet}</option>
        {column.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
        {!known && <option value={current}>{current}</option>}
      </select>
    );
  }

  // Enter and blur both commit; after one, the draft is gone, so the other sends nothing.
  const commit = () => {
    if (draft === null) return;
    const parsed = parseDraft(column, draft, text);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    setError(null);
    setDraft(null);
    if (parsed.value !== (value ?? null)) save(parsed.value);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Escape' && (draft !== null || error !== null)) {
      // Handled here: an Escape that reverts does not also close a surrounding dialog.
      event.preventDefault();
      event.stopPropagation();
      setDraft(null);
      setError(null);
    }
  };

  return (
    <>
      <input
        type={column.type === 'date' ? 'date' : 'text'}
        inputMode={column.type === 'number' ? 'decimal' : undefined}
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        value={draft ?? draftOf(value)}
        data-roster-slot="metadata-input"
        data-type={column.type}
        onChange={(event) => setDraft(event.currentTarget.value)}
        onKeyDown={onKeyDown}
        onBlur={() => commit()}
      />
      {error && (
        <span id={errorId} role="alert" data-roster-slot="metadata-error">
          {error}
        </span>
      )}
    </>
  );
}
