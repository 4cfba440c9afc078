// Memberships as CSV (RFC 4180), safe to open in a spreadsheet: the encoder and the mapping of a
// membership to a row. No I/O: `exportMemberships` fetches the rows, the UI downloads the file.
import type { Metadata, OrganizationMembership, Role } from './models';

/** The record separator of RFC 4180. */
const CRLF = '\r\n';

/** Characters that make a spreadsheet read a cell as a formula (or hide what follows them). */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/** Characters that make a field need quotes (RFC 4180, section 2.6). */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV field: a cell that a spreadsheet would run as a formula (it starts with `=`, `+`, `-`,
 * `@`, a tab or a carriage return) gets a leading `'`, so it is shown as text; then a field holding
 * `"`, `,`, CR or LF is quoted, its inner quotes doubled (RFC 4180).
 */
export function encodeCsvField(value: string): string {
  const safe = value !== '' && FORMULA_TRIGGERS.has(value.charAt(0)) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** CSV text of rows of fields (see {@link encodeCsvField}): every record ends with CRLF. */
export function encodeCsv(rows: Iterable<readonly string[]>): string {
  let csv = '';
  for (const row of rows) csv += row.map(encodeCsvField).join(',') + CRLF;
  return csv;
}

/** The built-in fields of a membership export, in file order. */
export type MembershipCsvField =
  | 'userId'
  | 'firstName'
  | 'lastName'
  | 'email'
  | 'roleKey'
  | 'roleName'
  | 'joinedAt';

/** Every built-in field, in the order the columns come in a file. */
export const MEMBERSHIP_CSV_FIELDS: readonly MembershipCsvField[] = [
  'userId',
  'firstName',
  'lastName',
  'email',
  'roleKey',
  'roleName',
  'joinedAt',
];

/** The header of each built-in column (override some for another language). */
export type MembershipCsvHeaders = Record<MembershipCsvField, string>;

/** The English headers. */
export const DEFAULT_MEMBERSHIP_CSV_HEADERS: MembershipCsvHeaders = {
  userId: 'User ID',
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email',
  roleKey: 'Role key',
  roleName: 'Role name',
  joinedAt: 'Joined',
};

/**
 * A column of the export read from a membership's `publicMetadata`: `key` is the metadata key,
 * `label` the column's header. Extra fields describe how to write the value (more may come, e.g. a
 * column type); a column without `format` writes strings as they are, numbers and booleans as
 * `String(value)`, `null`/absent as an empty cell and anything else as JSON.
 */
export interface MembershipCsvMetadataColumn<TPublic extends Metadata = Metadata> {
  /** The key in `publicMetadata` whose value the column holds. */
  key: keyof TPublic & string;
  /** The column's header. */
  label: string;
  /** Writes the value as the cell's text (default: see above). */
  format?: ((value: unknown) => string) | undefined;
}

/** Options of {@link membershipCsvColumns}: what goes in the file besides the built-in columns. */
export interface MembershipCsvOptions<TPublic extends Metadata = Metadata> {
  /** Public-metadata columns, after the built-in ones, in this order. */
  metadataColumns?: readonly MembershipCsvMetadataColumn<TPublic>[] | undefined;
  /** Headers to override for the built-in columns. */
  headers?: Partial<MembershipCsvHeaders> | undefined;
  /**
   * The organization's roles: the role name of a membership that carries no `roleName` is looked up
   * here (else the cell holds the role key).
   */
  roles?: readonly Pick<Role, 'key' | 'name'>[] | undefined;
}

/** One column of a membership export: its header and how a membership's cell is written. */
export interface MembershipCsvColumn<TPublic extends Metadata = Metadata> {
  /** The column's header (the first row). */
  header: string;
  /** The cell's text for a membership (before CSV encoding). */
  value: (membership: OrganizationMembership<TPublic>) => string;
}

/** The default text of a metadata value (see {@link MembershipCsvMetadataColumn}). */
export function formatCsvMetadataValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  return JSON.stringify(value) ?? '';
}

/**
 * The columns of a membership export, in file order: user ID, first name, last name, email (the
 * user's identifier), role key, role name, joined (ISO 8601, UTC), then the metadata columns.
 */
export function membershipCsvColumns<TPublic extends Metadata = Metadata>(
  options: MembershipCsvOptions<TPublic> = {},
): MembershipCsvColumn<TPublic>[] {
  const headers = { ...DEFAULT_MEMBERSHIP_CSV_HEADERS, ...options.headers };
  const roleNames = new Map((options.roles ?? []).map((role) => [role.key, role.name]));
  const cells: Record<MembershipCsvField, (membership: OrganizationMembership<TPublic>) => string> = {
    userId: (m) => m.publicUserData?.userId ?? '',
    firstName: (m) => m.publicUserData?.firstName ?? '',
    lastName: (m) => m.publicUserData?.lastName ?? '',
    email: (m) => m.publicUserData?.identifier ?? '',
    roleKey: (m) => m.role,
    roleName: (m) => m.roleName ?? roleNames.get(m.role) ?? m.role,
    joinedAt: (m) => new Date(m.createdAt).toISOString(),
  };
  const builtIn = MEMBERSHIP_CSV_FIELDS.map((field) => ({ header: headers[field], value: cells[field] }));
  const metadata = (options.metadataColumns ?? []).map((column) => {
    const format = column.format ?? formatCsvMetadataValue;
    return {
      header: column.label,
      value: (m: OrganizationMembership<TPublic>) => format(m.publicMetadata[column.key]),
    };
  });
  return [...builtIn, ...metadata];
}

/** The CSV text of memberships: a header row, then one row per membership (see {@link membershipCsvColumns}). */
export function membershipsToCsv<TPublic extends Metadata = Metadata>(
  memberships: Iterable<OrganizationMembership<TPublic>>,
  options: MembershipCsvOptions<TPublic> = {},
): string {
  const columns = membershipCsvColumns(options);
  function* rows(): Generator<string[]> {
    yield columns.map((column) => column.header);
    for (const membership of memberships) yield columns.map((column) => column.value(membership));
  }
  return encodeCsv(rows());
}
