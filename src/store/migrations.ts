import type { SqlDatabase, SqlExecutor } from './sql-database.ts';

type Dialect = SqlExecutor['dialect'];

interface Migration {
  readonly version: number;
  readonly name: string;
  /** Statements in order; most are the same on both engines, the rest differ by dialect. */
  statements(dialect: Dialect): readonly string[];
}

/**
 * Every schema change, in order. A released migration is never edited: a change is a new version.
 * Instants are ISO-8601 UTC text (`2026-05-01T22:30:00.000Z`), which sorts and compares the same on
 * both engines; booleans are 0/1.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'schedules, delivery ledger, audit log, alerts, market history, brief cache',
    statements: (dialect) => {
      const serial = dialect === 'postgres' ? 'BIGSERIAL PRIMARY KEY' : 'INTEGER PRIMARY KEY AUTOINCREMENT';
      const real = dialect === 'postgres' ? 'DOUBLE PRECISION' : 'REAL';
      return [
        `CREATE TABLE schedules (
          id TEXT PRIMARY KEY,
          platform TEXT NOT NULL,
          channel_id TEXT NOT NULL,
          owner_id TEXT NOT NULL,
          time_of_day TEXT NOT NULL,
          days TEXT NOT NULL,
          time_zone TEXT NOT NULL,
          skip_holidays TEXT NOT NULL,
          template TEXT NOT NULL,
          locale TEXT,
          paused INTEGER NOT NULL DEFAULT 0,
          paused_reason TEXT,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          next_fire_at TEXT
        )`,
        'CREATE INDEX schedules_due ON schedules (paused, next_fire_at)',
        'CREATE INDEX schedules_channel ON schedules (platform, channel_id)',
        `CREATE TABLE deliveries (
          schedule_id TEXT NOT NULL,
          fire_at TEXT NOT NULL,
          platform TEXT NOT NULL,
          channel_id TEXT NOT NULL,
          status TEXT NOT NULL,
          owner_id TEXT NOT NULL,
          template TEXT NOT NULL,
          locale TEXT,
          time_zone TEXT NOT NULL,
          attempts INTEGER NOT NULL DEFAULT 0,
          claimed_by TEXT,
          lease_until TEXT,
          first_claimed_at TEXT,
          message_ids TEXT NOT NULL DEFAULT '[]',
          error TEXT,
          note TEXT,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          PRIMARY KEY (schedule_id, fire_at, platform, channel_id)
        )`,
        'CREATE INDEX deliveries_work ON deliveries (status, lease_until)',
        'CREATE INDEX deliveries_channel ON deliveries (platform, channel_id, status, fire_at)',
        `CREATE TABLE audit_log (
          id ${serial},
          at TEXT NOT NULL,
          platform TEXT NOT NULL,
          actor_id TEXT NOT NULL,
          channel_id TEXT NOT NULL,
          action TEXT NOT NULL,
          target TEXT NOT NULL,
          detail TEXT
        )`,
        'CREATE INDEX audit_log_target ON audit_log (target, id)',
        'CREATE INDEX audit_log_channel ON audit_log (channel_id, id)',
        `CREATE TABLE alert_rules (
          id TEXT PRIMARY KEY,
          platform TEXT NOT NULL,
          channel_id TEXT NOT NULL,
          created_by TEXT NOT NULL,
          created_at TEXT NOT NULL,
          subject TEXT NOT NULL,
          condition TEXT NOT NULL
        )`,
        'CREATE INDEX alert_rules_channel ON alert_rules (platform, channel_id)',
        'CREATE TABLE alert_states (rule_id TEXT PRIMARY KEY, state TEXT NOT NULL)',
        `CREATE TABLE alert_firings (
          id ${serial},
          rule_id TEXT NOT NULL,
          platform TEXT NOT NULL,
          channel_id TEXT NOT NULL,
          fired_at TEXT NOT NULL,
          text TEXT NOT NULL
        )`,
        'CREATE INDEX alert_firings_channel ON alert_firings (platform, channel_id, fired_at)',
        `CREATE TABLE price_history (
          asset TEXT NOT NULL,
          date TEXT NOT NULL,
          price ${real} NOT NULL,
          PRIMARY KEY (asset, date)
        )`,
        `CREATE TABLE market_history (
          kind TEXT NOT NULL,
          subject TEXT NOT NULL,
          date TEXT NOT NULL,
          payload TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          PRIMARY KEY (kind, subject, date)
        )`,
        `CREATE TABLE brief_documents (
          fire_at TEXT NOT NULL,
          brief_key TEXT NOT NULL,
          document TEXT NOT NULL,
          created_at TEXT NOT NULL,
          PRIMARY KEY (fire_at, brief_key)
        )`,
      ];
    },
  },
  {
    version: 2,
    name: 'signatures of accepted Slack requests, so every instance refuses a replay',
    statements: () => [
      `CREATE TABLE seen_signatures (
        signature TEXT PRIMARY KEY,
        expires_at TEXT NOT NULL
      )`,
      'CREATE INDEX seen_signatures_expiry ON seen_signatures (expires_at)',
    ],
  },
  {
    version: 3,
    name: 'the source and futures contract of each recorded close, so changes are measured like for like',
    statements: () => [
      'ALTER TABLE price_history ADD COLUMN source TEXT',
      'ALTER TABLE price_history ADD COLUMN contract TEXT',
    ],
  },
  {
    version: 4,
    name: 'tokens spent on summaries per UTC day, so every instance keeps to one daily budget',
    statements: () => [
      `CREATE TABLE llm_token_usage (
        day TEXT PRIMARY KEY,
        tokens BIGINT NOT NULL
      )`,
    ],
  },
];

/** Any constant: instances starting together on one PostgreSQL take turns migrating. */
const MIGRATION_LOCK_KEY = 7_337_001;

/** Applies every migration not yet in `schema_migrations`, in one transaction; returns their versions. */
export async function runMigrations(db: SqlDatabase, now: () => Date = () => new Date()): Promise<number[]> {
  return db.transaction(async (tx) => {
    if (tx.dialect === 'postgres') await tx.all('SELECT pg_advisory_xact_lock(?)', [MIGRATION_LOCK_KEY]);
    await tx.run(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    const rows = await tx.all<{ version: number | string }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((r) => Number(r.version)));
    const newlyApplied: number[] = [];
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      for (const statement of migration.statements(tx.dialect)) await tx.run(statement);
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
        migration.version,
        migration.name,
        now().toISOString(),
      ]);
      newlyApplied.push(migration.version);
    }
    return newlyApplied;
  });
}
