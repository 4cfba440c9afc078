// Test helper: how many components of a name are mounted under a React root, read from the fiber
// tree React keeps on the DOM (a count of what really rendered, not of what the markup looks like:
// a closed Radix Select renders its items into a detached fragment, invisible to DOM queries).

interface Fiber {
  type: unknown;
  child: Fiber | null;
  sibling: Fiber | null;
  return: Fiber | null;
}

function fiberOf(node: Node): Fiber | null {
  const key = Object.keys(node).find(
    (name) => name.startsWith('__reactFiber$') || name.startsWith('__reactContainer$'),
  );
  return key ? ((node as unknown as Record<string, Fiber>)[key] ?? null) : null;
}

function nameOf(type: unknown): string | undefined {
  if (!type || typeof type === 'string') return undefined;
  const component = type as { displayName?: string; name?: string; render?: unknown; type?: unknown };
  if (component.displayName) return component.displayName;
  if (typeof type === 'function') return component.name;
  return nameOf(component.render) ?? nameOf(component.type);
}

/**
 * The number of mounted components named `name` inside the element `node` (what React renders
 * into it, portals included: a select's popover counts in its row).
 */
export function countMounted(node: Node, name: string): number {
  const fiber = fiberOf(node);
  if (!fiber) throw new Error('countMounted: the node was not rendered by React');
  let count = 0;
  const stack: Fiber[] = fiber.child ? [fiber.child] : [];
  while (stack.length > 0) {
    const next = stack.pop() as Fiber;
    if (nameOf(next.type) === name) count += 1;
    if (next.sibling) stack.push(next.sibling);
    if (next.child) stack.push(next.child);
  }
  return count;
}
