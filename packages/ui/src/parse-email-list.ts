/**
 * Reading a typed or pasted list of email addresses: separated by commas, semicolons, spaces or new
 * lines, or a CSV/TSV table (the addresses are taken, the other cells and the header left out).
 * Pure functions, no DOM.
 */

/** Why an entry will not be sent as it is. */
export type EmailEntryIssue = 'invalid' | 'duplicate' | 'member';

/** One address of the list, as the user gave it. */
export interface EmailEntry {
  /** The address as typed (quotes, angle brackets and `mailto:` dropped). */
  value: string;
  /** Lower-cased, for comparisons. */
  key: string;
}

// One @, something on both sides, a dot in the domain, no spaces: what a human means by "an email".
// The server validates for real; this only flags typos before sending.
const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;.]{2,}$/;

/** Whether `value` looks like an email address (the server has the last word). */
export function isEmailLike(value: string): boolean {
  return value.length <= 320 && EMAIL.test(value);
}

/**
 * Reads every address in `text`: a free list separated by commas, semicolons, spaces and new lines
 * (invalid tokens kept, to be flagged), in the order given. A table (two lines or more, each with a
 * comma, semicolon or tab: a pasted CSV or spreadsheet column) and `"Name" <address>` lists keep
 * only the tokens with an `@`: the email column's cells, not the names, teams or header.
 */
export function parseEmailList(text: string): EmailEntry[] {
  const lines = text.split(/[\r\n]+/).filter((line) => line.trim() !== '');
  const onlyAddresses =
    text.includes('<') || (lines.length > 1 && lines.every((line) => /[,;\t]/.test(line)));
  const entries: EmailEntry[] = [];
  for (const token of text.split(/[\s,;<>"']+/)) {
    const value = token.replace(/^mailto:/i, '');
    if (value && (!onlyAddresses || value.includes('@'))) entries.push({ value, key: value.toLowerCase() });
  }
  return entries;
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
