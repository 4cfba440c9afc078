import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

/**
 * A digest of every row of every ordinary table (FTS shadow tables included, the virtual table
 * itself skipped): equal digests mean no write happened in between.
 */
export function databaseDigest(db: Database.Database): string {
  const hash = createHash('sha256');
  const tables = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all() as { name: string; sql: string | null }[];
  for (const { name, sql } of tables) {
    if (sql?.startsWith('CREATE VIRTUAL')) continue;
    const rows = db
      .prepare(`SELECT * FROM "${name.replaceAll('"', '""')}"`)
      .raw()
      .all();
    const lines = rows.map((row) =>
      JSON.stringify(row, (_key, value) => (Buffer.isBuffer(value) ? value.toString('hex') : value)),
    );
    lines.sort();
    hash.update(`${name}\n${lines.join('\n')}\n`);
  }
  return hash.digest('hex');
}
