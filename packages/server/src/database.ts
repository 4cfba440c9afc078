import Database from 'better-sqlite3';

/** The better-sqlite3 connection type the stores share. */
export type SqliteDatabase = Database.Database;

const SCHEMA_VERSION = 3;

/**
 * The schema. Memberships carry copies of their user's sortable fields (`first_name`, ...,
 * `search_text`) so that every `order_by` of a membership list walks one index of one table and a
 * page at any offset never sorts the organization: users are immutable in this server (there is no
 * user update endpoint), so the copies cannot go stale. `membership_search` indexes `search_text`
 * by trigrams so a `query` of 3+ characters finds its matches without scanning the organization.
 * `organizations.members_count` is kept in the same transaction as every membership insert and
 * delete, so an unfiltered list counts in O(1).
 */
const SCHEMA = `
CREATE TABLE roles (
  key TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  json TEXT NOT NULL
);

CREATE TABLE users (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  external_id TEXT UNIQUE,
  first_name TEXT COLLATE NOCASE,
  last_name TEXT COLLATE NOCASE,
  username TEXT COLLATE NOCASE UNIQUE,
  image_url TEXT,
  primary_email_address TEXT COLLATE NOCASE,
  primary_phone_number TEXT,
  primary_web3_wallet TEXT COLLATE NOCASE,
  public_metadata TEXT NOT NULL,
  private_metadata TEXT NOT NULL,
  unsafe_metadata TEXT NOT NULL,
  search_text TEXT NOT NULL,
  last_active_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE identifications (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  value TEXT NOT NULL COLLATE NOCASE,
  position INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (type, value)
);

CREATE TABLE organizations (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL COLLATE NOCASE,
  slug TEXT NOT NULL UNIQUE,
  image_url TEXT,
  max_allowed_memberships INTEGER NOT NULL,
  admin_delete_enabled INTEGER NOT NULL,
  public_metadata TEXT NOT NULL,
  private_metadata TEXT NOT NULL,
  created_by TEXT,
  members_count INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE memberships (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  organization_id TEXT NOT NULL REFERENCES organizations (id),
  user_id TEXT NOT NULL REFERENCES users (id),
  role TEXT NOT NULL,
  public_metadata TEXT NOT NULL,
  private_metadata TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  first_name TEXT COLLATE NOCASE,
  last_name TEXT COLLATE NOCASE,
  email_address TEXT COLLATE NOCASE,
  phone_number TEXT,
  username TEXT COLLATE NOCASE,
  search_text TEXT NOT NULL,
  UNIQUE (organization_id, user_id)
);

-- Substring search (the query parameter) over memberships.search_text: trigrams, rowid = memberships.seq.
CREATE VIRTUAL TABLE membership_search USING fts5(
  search_text, content = '', contentless_delete = 1, tokenize = 'trigram'
);
`;

/**
 * One index per membership list order of an organization: `organization_id`, the sort column, `seq`
 * as the tie-break, then `search_text`, so a `query` that matches many members is answered by
 * walking the index in the list's order and testing `search_text` in the index entry itself,
 * without reading one table row (schema version 3 added `search_text`).
 */
const MEMBERSHIP_ORDER_INDEXES: readonly string[] = [
  'CREATE INDEX memberships_org_created ON memberships (organization_id, created_at, seq, search_text)',
  'CREATE INDEX memberships_org_role ON memberships (organization_id, role, created_at, seq, search_text)',
  'CREATE INDEX memberships_org_first_name ON memberships (organization_id, first_name, seq, search_text)',
  'CREATE INDEX memberships_org_last_name ON memberships (organization_id, last_name, seq, search_text)',
  'CREATE INDEX memberships_org_email ON memberships (organization_id, email_address, seq, search_text)',
  'CREATE INDEX memberships_org_phone ON memberships (organization_id, phone_number, seq, search_text)',
  'CREATE INDEX memberships_org_username ON memberships (organization_id, username, seq, search_text)',
];

/** The name of the index a `CREATE INDEX <name> ON ...` statement creates. */
export function indexName(createIndex: string): string {
  const name = /^CREATE INDEX (\w+)/.exec(createIndex)?.[1];
  if (!name) throw new Error(`Not a CREATE INDEX statement: ${createIndex}`);
  return name;
}

/**
 * Migrations after the first schema, by the version they bring the database to. A database of an
 * older version is upgraded in one transaction when opened; a new one gets the schema, then every
 * migration.
 *
 * 2: organization invitations (status `pending`/`accepted`/`revoked`; `expired` is derived from
 * `expires_at` when read) with one index per list order and one for the pending-count and
 * duplicate checks, and the local outbox the invitations are "delivered" to.
 * 3: `search_text` at the end of every membership order index (see `MEMBERSHIP_ORDER_INDEXES`).
 */
const MIGRATIONS: ReadonlyArray<{ version: number; sql: string }> = [
  {
    version: 2,
    sql: `
CREATE TABLE invitations (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  organization_id TEXT NOT NULL REFERENCES organizations (id),
  email_address TEXT NOT NULL,
  role TEXT NOT NULL,
  inviter_user_id TEXT REFERENCES users (id),
  public_metadata TEXT NOT NULL,
  private_metadata TEXT NOT NULL,
  redirect_url TEXT,
  status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'revoked')),
  user_id TEXT REFERENCES users (id),
  expires_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX invitations_org_created ON invitations (organization_id, created_at, seq);
CREATE INDEX invitations_org_email ON invitations (organization_id, email_address, seq);
CREATE INDEX invitations_org_status ON invitations (organization_id, status, expires_at);

CREATE TABLE outbox_messages (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  invitation_id TEXT NOT NULL REFERENCES invitations (id),
  organization_id TEXT NOT NULL REFERENCES organizations (id),
  to_email_address TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  redirect_url TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX outbox_messages_to ON outbox_messages (to_email_address, seq);
`,
  },
  {
    version: 3,
    sql: MEMBERSHIP_ORDER_INDEXES.map((index) => `DROP INDEX IF EXISTS ${indexName(index)};\n${index};`).join(
      '\n',
    ),
  },
];

function migrate(db: Database.Database, from: number): void {
  for (const migration of MIGRATIONS) if (migration.version > from) db.exec(migration.sql);
}

/**
 * The secondary indexes. Every membership ordering has one per organization (`organization_id`,
 * the sort column, then `seq` as the tie-break), so OFFSET walks one covering index. Bulk seeding
 * drops and rebuilds them (building an index once is much faster than growing it row by row).
 */
export const SECONDARY_INDEXES: readonly string[] = [
  'CREATE INDEX users_created ON users (created_at, seq)',
  'CREATE INDEX identifications_user ON identifications (user_id, type, position)',
  'CREATE INDEX organizations_created ON organizations (created_at, seq)',
  ...MEMBERSHIP_ORDER_INDEXES,
  'CREATE INDEX memberships_org_search ON memberships (organization_id, search_text)',
  'CREATE INDEX memberships_user ON memberships (user_id, created_at, seq)',
  'CREATE INDEX memberships_created ON memberships (created_at, seq)',
];

/** Lowercases text as JavaScript does (all of Unicode): `roster_fold(x)` in `LIKE` searches. */
const FOLD_FUNCTION = 'roster_fold';

/**
 * Opens (and on first use creates) the database: a file path, or `:memory:`. Files run in WAL mode
 * with `synchronous = NORMAL` (durable across a process crash, fast commits); foreign keys are on.
 */
export function openDatabase(filename: string): SqliteDatabase {
  const db = new Database(filename);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // A list page at a deep offset or a substring search touches most of an organization's index and
  // rows: keep them in memory (64 MiB page cache, file pages memory-mapped) instead of re-reading.
  db.pragma('cache_size = -65536');
  db.pragma('mmap_size = 268435456');
  db.pragma('temp_store = MEMORY');
  // SQLite's LIKE folds only ASCII case; single-field searches fold both sides with this (the same
  // `toLowerCase` that builds `search_text`), so `É` matches `é` as it does in Clerk.
  db.function(FOLD_FUNCTION, { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? text.toLowerCase() : text,
  );
  const version = db.pragma('user_version', { simple: true });
  if (version === 0) {
    db.transaction(() => {
      db.exec(SCHEMA);
      for (const index of SECONDARY_INDEXES) db.exec(index);
      migrate(db, 1);
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
    })();
  } else if (typeof version === 'number' && version >= 1 && version < SCHEMA_VERSION) {
    db.transaction(() => {
      migrate(db, version);
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
    })();
  } else if (version !== SCHEMA_VERSION) {
    db.close();
    throw new Error(
      `${filename} has schema version ${String(version)}; this server reads version ${SCHEMA_VERSION}.`,
    );
  }
  return db;
}

/** Whether the database holds no users and no organizations (the only state a seed is applied to). */
export function isDatabaseEmpty(db: SqliteDatabase): boolean {
  const row = db
    .prepare('SELECT (SELECT COUNT(*) FROM users) + (SELECT COUNT(*) FROM organizations) AS n')
    .get() as { n: number };
  return row.n === 0;
}

const STATEMENT_CACHE_LIMIT = 500;
const statementCaches = new WeakMap<SqliteDatabase, Map<string, Database.Statement>>();

/**
 * A prepared statement for this SQL, prepared once per database and reused (preparing costs more
 * than running most of our queries). The cache is cleared when it grows past a few hundred
 * distinct statements (list queries vary with their filters).
 */
export function statement(db: SqliteDatabase, sql: string): Database.Statement {
  let cache = statementCaches.get(db);
  if (!cache) {
    cache = new Map();
    statementCaches.set(db, cache);
  }
  let prepared = cache.get(sql);
  if (!prepared) {
    if (cache.size >= STATEMENT_CACHE_LIMIT) cache.clear();
    prepared = db.prepare(sql);
    cache.set(sql, prepared);
  }
  return prepared;
}
