/** An ID list parameter split by its `+`/`-` prefixes (no prefix means include). */
export interface IdInclusion {
  include: string[];
  exclude: string[];
}

/** `?, ?, ?` for a list of values. */
export function placeholders(values: readonly unknown[]): string {
  return values.map(() => '?').join(', ');
}

/**
 * Adds `column IN (...)` / `column NOT IN (...)` for a `+id`/`-id` parameter. With `through`
 * (`SELECT x FROM t WHERE y`), the IDs match `y` and `column` is tested against the selected `x`
 * (filtering by a related table, such as users by their organizations' IDs).
 */
export function addInclusion(
  where: string[],
  params: unknown[],
  column: string,
  ids: IdInclusion,
  through?: string,
): void {
  const list = (values: string[]) =>
    through === undefined ? `(${placeholders(values)})` : `(${through} IN (${placeholders(values)}))`;
  if (ids.include.length > 0) {
    where.push(`${column} IN ${list(ids.include)}`);
    params.push(...ids.include);
  }
  if (ids.exclude.length > 0) {
    where.push(`${column} NOT IN ${list(ids.exclude)}`);
    params.push(...ids.exclude);
  }
}

/**
 * `<column> LIKE ? ESCAPE '\'` for a substring search of `text`. LIKE folds ASCII case only, so a
 * text with other letters (`é`, `ø`) compares the column folded by `roster_fold` (JavaScript's
 * `toLowerCase`, see `openDatabase`), as the memory client and Clerk fold it; ASCII text keeps the
 * plain, faster LIKE.
 */
export function likeCondition(column: string, text: string): string {
  const folded = /^\p{ASCII}*$/u.test(text) ? column : `roster_fold(${column})`;
  return `${folded} LIKE ? ESCAPE '\\'`;
}

/** Escapes `%`, `_` and `\` so a user's text matches literally inside `LIKE ... ESCAPE '\'`. */
export function likeContains(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
