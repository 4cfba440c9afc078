/**
 * Joins class names, skipping empty ones, so a consumer's `className` and `classNames[slot]` can be
 * added to ours without a dependency on a class-name library.
 */
export function joinClassNames(
  ...names: ReadonlyArray<string | false | null | undefined>
): string | undefined {
  let joined = '';
  for (const name of names) {
    if (name) joined = joined ? `${joined} ${name}` : name;
  }
  return joined || undefined;
}
