/**
 * Which keys a cache engine's adapter wants (`retain`) and which are on screen (`registerView`),
 * shared by the membership and the invitation engines.
 */
export interface CacheViewRegistry {
  /** Marks a key as wanted; when the last holder lets go, `onReleased(key)` runs (in a microtask). */
  retain(key: string): () => void;
  /** Registers how a mounted view of `key` revalidates. */
  registerView(key: string, revalidate: () => void): () => void;
  /** Revalidates every mounted view of `key`; `false` when none is mounted. */
  revalidateMounted(key: string): boolean;
  /** Whether `key` is retained or shown by a mounted view (never evicted). */
  isHeld(key: string): boolean;
  /** The keys shown by mounted views. */
  mountedKeys(): string[];
  /** How many keys are retained and how many have mounted views (to check nothing is left behind). */
  size(): { retained: number; views: number };
}

/** Creates a {@link CacheViewRegistry}; `onReleased` aborts the key's request, typically. */
export function createCacheViewRegistry(onReleased: (key: string) => void): CacheViewRegistry {
  const retained = new Map<string, number>();
  const views = new Map<string, Set<() => void>>();
  return {
    retain(key) {
      retained.set(key, (retained.get(key) ?? 0) + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const count = (retained.get(key) ?? 1) - 1;
        if (count > 0) {
          retained.set(key, count);
          return;
        }
        retained.delete(key);
        // Let a remount in the same commit (StrictMode, a key that comes straight back) keep it.
        queueMicrotask(() => {
          if (!retained.has(key)) onReleased(key);
        });
      };
    },
    registerView(key, revalidate) {
      let set = views.get(key);
      if (!set) {
        set = new Set();
        views.set(key, set);
      }
      set.add(revalidate);
      return () => {
        const current = views.get(key);
        current?.delete(revalidate);
        if (current?.size === 0) views.delete(key);
      };
    },
    isHeld: (key) => retained.has(key) || views.has(key),
    mountedKeys: () => [...views.keys()],
    size: () => ({ retained: retained.size, views: views.size }),
    revalidateMounted(key) {
      const mounted = views.get(key);
      if (!mounted || mounted.size === 0) return false;
      for (const revalidate of [...mounted]) revalidate();
      return true;
    },
  };
}
