import { createRequire } from 'node:module';
import type pg from 'pg';
import { createPostgresDatabase } from './postgres-database.ts';
import { createSqlStore, type SqlStoreOptions } from './sql-store.ts';
import { createSqliteDatabase } from './sqlite-database.ts';
import type { Store } from './store.ts';

/**
 * A store on a SQLite file (created with its folder on first use). `:memory:` keeps everything in
 * memory, for tests and one-shot runs.
 */
export function createSqliteStore(path: string, options: SqlStoreOptions = {}): Store {
  return createSqlStore(createSqliteDatabase(path), options);
}

/** A store on PostgreSQL through a pool the caller configured (and closes, unless `ownsPool`). */
export function createPostgresStore(
  pool: pg.Pool,
  options: SqlStoreOptions & { ownsPool?: boolean } = {},
): Store {
  return createSqlStore(createPostgresDatabase(pool, { ownsPool: options.ownsPool ?? false }), options);
}

/** Connections each instance keeps to PostgreSQL: sends are slow, queries are quick. */
const POSTGRES_POOL_SIZE = 10;

/**
 * Picks the engine from `DATABASE_URL`: `sqlite:./data/briefbot.db`, `sqlite::memory:` or
 * `postgres://user@host:5432/db`. Nothing connects until the store is first used.
 */
export function createStore(databaseUrl: string, options: SqlStoreOptions = {}): Store {
  if (databaseUrl.startsWith('sqlite:')) return createSqliteStore(sqlitePath(databaseUrl), options);
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    // pg is loaded only for PostgreSQL, so a SQLite deployment never pays its memory.
    const { Pool } = createRequire(import.meta.url)('pg') as typeof pg;
    const pool = new Pool({
      connectionString: databaseUrl,
      max: POSTGRES_POOL_SIZE,
      // A one-shot CLI run must not wait for idle connections to time out before it can exit.
      allowExitOnIdle: true,
    });
    // An idle connection dropped by the server is replaced on next use; without a listener the
    // error would crash the process.
    pool.on('error', () => undefined);
    return createPostgresStore(pool, { ...options, ownsPool: true });
  }
  throw new Error('DATABASE_URL must start with sqlite: or postgres://');
}

/** `sqlite:./data/x.db` → `./data/x.db`; `sqlite:///var/x.db` → `/var/x.db`; `sqlite::memory:` → `:memory:`. */
export function sqlitePath(databaseUrl: string): string {
  const rest = databaseUrl.slice('sqlite:'.length);
  return rest.startsWith('//') ? rest.slice(2) : rest;
}
