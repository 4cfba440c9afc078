import type { SqliteDatabase } from './database';
import { statement } from './database';

/** How many distinct filtered lists keep their count. */
const COUNT_CACHE_ENTRIES = 64;

/**
 * The counts of filtered lists (a search's `total_count`), reused while the database is unchanged:
 * paging through a search that matches most of a large organization counts it once, not on every
 * page. "Unchanged" is SQLite's own bookkeeping, so no write path can forget to invalidate it:
 * `total_changes()` (every row this connection inserted, updated or deleted, committed or not)
 * and `PRAGMA data_version` (commits by other connections to the same file). Any change drops
 * every entry. Counts taken inside an enclosing transaction are not kept (it may roll back).
 */
export class ListCountCache {
  private readonly db: SqliteDatabase;
  private readonly entries = new Map<string, number>();
  private version = '';

  constructor(db: SqliteDatabase) {
    this.db = db;
  }

  /** The count for `key` (the count query and its parameters), computed by `count` when unknown. */
  get(key: string, count: () => number, cacheable: boolean): number {
    if (!cacheable) return count();
    const version = this.currentVersion();
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    const known = this.entries.get(key);
    if (known !== undefined) {
      // Most recently used last: the first key is the one to evict.
      this.entries.delete(key);
      this.entries.set(key, known);
      return known;
    }
    const counted = count();
    if (this.entries.size >= COUNT_CACHE_ENTRIES) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, counted);
    return counted;
  }

  private currentVersion(): string {
    const changes = statement(this.db, 'SELECT total_changes() AS n').get() as { n: number };
    const dataVersion = this.db.pragma('data_version', { simple: true });
    return `${changes.n}:${String(dataVersion)}`;
  }
}
