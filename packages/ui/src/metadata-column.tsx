import type { Metadata } from '@roster/core';
import type { MemberListColumn } from './member-list-columns';
import { MetadataCell } from './metadata-cell';

/** How a metadata column shows, edits and checks its value. */
export type MetadataColumnType = 'text' | 'number' | 'boolean' | 'select' | 'date';

/** The value each {@link MetadataColumnType} keeps in `publicMetadata` (a date as `YYYY-MM-DD`). */
export interface MetadataColumnValues {
  text: string;
  number: number;
  boolean: boolean;
  select: string;
  date: string;
}

/**
 * The keys of `TMetadata` whose values fit `Value` (any string with the untyped `Metadata`), so
 * `metadataColumn<MyMetadata>({ key, type })` checks the key and that its value matches the type.
 */
export type MetadataColumnKey<TMetadata extends Metadata, Value> = string extends keyof TMetadata
  ? string
  : {
      [Key in keyof TMetadata & string]-?: NonNullable<TMetadata[Key]> extends Value ? Key : never;
    }[keyof TMetadata & string];

/** One choice of a `select` metadata column. */
export interface MetadataColumnOption {
  /** The value stored in `publicMetadata`. */
  value: string;
  /** The text shown for it. */
  label: string;
}

/** What every metadata column takes, whatever its type. */
export interface MetadataColumnBase {
  /** The column's header, and the start of each control's accessible name (`{label} for {name}`). */
  label: string;
  /**
   * Viewers who may manage members edit the value inline (others always see it read-only).
   * Default `false`.
   */
  editable?: boolean | undefined;
  /** The column id (the cell's `data-column`, the `renderCell` key). Default `metadata-{key}`. */
  id?: string | undefined;
  /** Hide the header visually (it stays readable by screen readers). */
  headerHidden?: boolean | undefined;
}

/** A metadata column of free text: an input that saves on Enter or blur (an empty input deletes the key). */
export interface MetadataTextColumnDefinition<TMetadata extends Metadata = Metadata>
  extends MetadataColumnBase {
  /** The `publicMetadata` key (a string value). */
  key: MetadataColumnKey<TMetadata, string>;
  /** Free text. */
  type: 'text';
}

/** A metadata column of numbers, shown with `Intl.NumberFormat` in the provider's locale. */
export interface MetadataNumberColumnDefinition<TMetadata extends Metadata = Metadata>
  extends MetadataColumnBase {
  /** The `publicMetadata` key (a number value). */
  key: MetadataColumnKey<TMetadata, number>;
  /** A finite number (`1234.5`); anything else is refused with an inline error and not sent. */
  type: 'number';
}

/** A metadata column of yes or no: a checkbox that saves when toggled. */
export interface MetadataBooleanColumnDefinition<TMetadata extends Metadata = Metadata>
  extends MetadataColumnBase {
  /** The `publicMetadata` key (a boolean value). */
  key: MetadataColumnKey<TMetadata, boolean>;
  /** `true` or `false`, shown read-only as the localization's Yes and No. */
  type: 'boolean';
}

/** A metadata column of one choice among `options`: a native select that saves when changed. */
export interface MetadataSelectColumnDefinition<TMetadata extends Metadata = Metadata>
  extends MetadataColumnBase {
  /** The `publicMetadata` key (a string value, one of the options' values). */
  key: MetadataColumnKey<TMetadata, string>;
  /** One of `options` (or none: the key deleted). */
  type: 'select';
  /** The choices, in order; read-only viewers see the chosen one's label. */
  options: readonly MetadataColumnOption[];
}

/** A metadata column of calendar dates (`YYYY-MM-DD`), shown in the provider's locale. */
export interface MetadataDateColumnDefinition<TMetadata extends Metadata = Metadata>
  extends MetadataColumnBase {
  /** The `publicMetadata` key (a `YYYY-MM-DD` string). */
  key: MetadataColumnKey<TMetadata, string>;
  /** A calendar date, without time or zone; an impossible date is refused and not sent. */
  type: 'date';
}

/** What {@link metadataColumn} takes: the column's key, label, type and whether it is editable. */
export type MetadataColumnDefinition<TMetadata extends Metadata = Metadata> =
  | MetadataTextColumnDefinition<TMetadata>
  | MetadataNumberColumnDefinition<TMetadata>
  | MetadataBooleanColumnDefinition<TMetadata>
  | MetadataSelectColumnDefinition<TMetadata>
  | MetadataDateColumnDefinition<TMetadata>;

/**
 * A member-list column over `publicMetadata[key]` (see {@link metadataColumn}). It also has the
 * `key` and `label` of a CSV export's metadata column, so it can be passed to
 * `MemberListExportButton`'s `metadataColumns` as it is.
 */
export interface MetadataColumn<TMetadata extends Metadata = Metadata> extends MemberListColumn {
  /** The `publicMetadata` key. */
  key: MetadataColumnDefinition<TMetadata>['key'];
  /** The column's label (also its header). */
  label: string;
  /** The definition it was made from. */
  definition: MetadataColumnDefinition<TMetadata>;
}

/**
 * A typed column over a membership's `publicMetadata[key]`, for `MemberList`'s `columns` (and the
 * phone cards): read-only viewers see the value formatted for the locale; with `editable`, viewers
 * who may manage members edit it inline (a control named `{label} for {name}`), checked per type
 * before anything is sent, then saved through `useUpdateMembershipMetadata` (an optimistic deep
 * merge: other keys stay), a failure reverted and announced. Declare columns outside your component
 * (or memoize them): a new array re-renders every row.
 *
 * @example
 * const department = metadataColumn<TeamMetadata>({ key: 'department', label: 'Department', type: 'text', editable: true });
 * <MemberList organizationId={id} columns={['name', 'role', department, 'actions']} />
 */
export function metadataColumn<TMetadata extends Metadata = Metadata>(
  definition: MetadataColumnDefinition<TMetadata>,
): MetadataColumn<TMetadata> {
  const column = definition as MetadataColumnDefinition;
  return {
    id: definition.id ?? `metadata-${definition.key}`,
    header: definition.label,
    ...(definition.headerHidden !== undefined && { headerHidden: definition.headerHidden }),
    key: definition.key,
    label: definition.label,
    definition,
    render: (context) => <MetadataCell column={column} context={context} />,
  };
}
