/**
 * Reading a typed or pasted list of email addresses: separated by commas, semicolons, spaces or new
 * lines, or a CSV/TSV table (the column that holds the addresses is taken, its header skipped).
 * Pure functions, no DOM.
 */

/** Why an entry will not be sent as it is. */
export type EmailEntryIssue = 'invalid' | 'duplicate' | 'member';

/** One address of the list, as the user gave it. */
export interface EmailEntry {
  /** The address as typed (trimmed, surrounding quotes and angle brackets dropped). */
  value: string;
  /** Lower-cased, for comparisons. */
  key: string;
}

// One @, something on both sides, a dot in the domain, no spaces: what a human means by "an email".
// The server validates for real; this only flags typos before sending.
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/;

/** Whether `value` looks like an email address (the server has the last word). */
export function isEmailLike(value: string): boolean {
  return value.length <= 320 && EMAIL.test(value);
}

function clean(token: string): string {
  let value = token.trim();
  // `"Alice" <alice@example.com>` and `mailto:` links: keep the address.
  const angled = /<([^<>]+)>/.exec(value);
  if (angled?.[1]) value = angled[1].trim();
  value = value
    .replace(/^mailto:/i, '')
    .replace(/^["']+|["']+$/g, '')
    .trim();
  return value;
}

function toEntries(tokens: Iterable<string>): EmailEntry[] {
  const entries: EmailEntry[] = [];
  for (const token of tokens) {
    const value = clean(token);
    if (value) entries.push({ value, key: value.toLowerCase() });
  }
  return entries;
}

/** Splits one CSV line on `delimiter`, honouring double quotes (`"a, b"`, `""` for a quote). */
function splitCsvLine(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    if (quoted) {
      if (char === '"' && line[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (char === delimiter) {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells.map((value) => value.trim());
}

/**
 * The email column of a table, or `null` when the text is not a table: at least two lines, a tab,
 * comma or semicolon on each, the same number of cells (2 or more) on every line, and a column where
 * most cells are addresses while other columns hold something else.
 */
function readCsvColumn(lines: string[]): string[] | null {
  if (lines.length < 2) return null;
  const first = lines[0] ?? '';
  const delimiter = first.includes('\t') ? '\t' : first.includes(',') ? ',' : first.includes(';') ? ';' : '';
  if (!delimiter) return null;
  const rows = lines.map((line) => splitCsvLine(line, delimiter));
  const width = rows[0]?.length ?? 0;
  if (width < 2 || rows.some((row) => row.length !== width)) return null;
  let best = -1;
  let bestCount = 0;
  for (let column = 0; column < width; column++) {
    const count = rows.filter((row) => isEmailLike(clean(row[column] ?? ''))).length;
    if (count > bestCount) {
      best = column;
      bestCount = count;
    }
  }
  if (best < 0) return null;
  // A list of addresses with a trailing comma on each line is a list, not a table.
  const otherCellsFilled = rows.some((row) => row.some((cell, column) => column !== best && cell !== ''));
  if (!otherCellsFilled) return null;
  const column = rows.map((row) => row[best] ?? '');
  // The header ("Email", "E-mail address") is the first cell when it is not an address.
  if (!isEmailLike(clean(column[0] ?? ''))) column.shift();
  return column;
}

/**
 * Reads every address in `text`: a CSV/TSV table's email column, or a free list separated by
 * commas, semicolons, spaces and new lines. Empty tokens are dropped; invalid ones kept (to be
 * flagged), in the order given.
 */
export function parseEmailList(text: string): EmailEntry[] {
  const lines = text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const column = readCsvColumn(lines);
  if (column) return toEntries(column);
  // Keep `"Alice Smith" <alice@example.com>` together: split only outside angle brackets and quotes.
  const tokens = text.match(/"[^"]*"\s*<[^>]*>|<[^>]*>|[^\s,;]+/g) ?? [];
  return toEntries(tokens);
}

/**
 * Splits what is being typed into finished entries and the unfinished rest: text after the last
 * separator stays in the field. Multi-line text (a paste that bypassed the paste handler) is read whole.
 */
export function splitTypedEmails(text: string): { entries: EmailEntry[]; rest: string } {
  if (/[\r\n\t]/.test(text)) return { entries: parseEmailList(text), rest: '' };
  const match = /^(.*[\s,;])([^\s,;]*)$/s.exec(text);
  if (!match) return { entries: [], rest: text };
  return { entries: parseEmailList(match[1] ?? ''), rest: match[2] ?? '' };
}

/**
 * Why each entry would not be sent, in entry order (`undefined`: it will be sent). `invalid`: does
 * not look like an address; `duplicate`: an earlier entry has the same address; `member`: the
 * address belongs to a member (`memberEmails`, lower-cased).
 */
export function findEmailIssues(
  entries: readonly EmailEntry[],
  memberEmails: ReadonlySet<string> = new Set(),
): (EmailEntryIssue | undefined)[] {
  const seen = new Set<string>();
  return entries.map((entry) => {
    if (!isEmailLike(entry.value)) return 'invalid';
    if (seen.has(entry.key)) return 'duplicate';
    seen.add(entry.key);
    if (memberEmails.has(entry.key)) return 'member';
    return undefined;
  });
}
