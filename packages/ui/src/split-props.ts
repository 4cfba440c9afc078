/**
 * Splits `props` into the keys listed in `keys` (every listed key, in the list's order, `undefined`
 * when absent: a fixed shape, so the picked object's values can be hook dependencies) and the rest.
 */
export function splitProps<Props extends object, Key extends keyof Props>(
  props: Props,
  keys: Record<Key, true>,
): [Pick<Props, Key>, Omit<Props, Key>] {
  const picked: Record<string, unknown> = {};
  for (const key of Object.keys(keys)) picked[key] = (props as Record<string, unknown>)[key];
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (!Object.hasOwn(keys, key)) rest[key] = value;
  }
  return [picked as Pick<Props, Key>, rest as Omit<Props, Key>];
}
