import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { SqlDatabase, SqlExecutor, SqlValue } from './sql-database.ts';

/** How long a write waits for another process's write lock (a restarted instance, a CLI run). */
const BUSY_TIMEOUT_MS = 5_000;

/**
 * better-sqlite3 behind the async `SqlDatabase` port. The file and its folder are created on first
 * use, not on construction, so commands that never touch storage never create a file.
 *
 * better-sqlite3 is synchronous, so a statement can never interleave with another; a transaction,
 * though, spans awaits, so every statement waits its turn behind an open transaction.
 */
export function createSqliteDatabase(path: string): SqlDatabase {
  let db: Database.Database | undefined;
  const statements = new Map<string, Database.Statement>();
  let queue: Promise<unknown> = Promise.resolve();

  function open(): Database.Database {
    if (db) return db;
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const opened = new Database(path);
    // WAL lets readers go on while one writer writes, and survives a killed process intact.
    if (path !== ':memory:') opened.pragma('journal_mode = WAL');
    opened.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    opened.pragma('synchronous = NORMAL');
    db = opened;
    return opened;
  }

  function prepared(sql: string): Database.Statement {
    let statement = statements.get(sql);
    if (!statement) {
      statement = open().prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  }

  const direct: SqlExecutor = {
    dialect: 'sqlite',
    async all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
      const statement = prepared(sql);
      if (statement.reader) return statement.all(...params) as T[];
      statement.run(...params);
      return [];
    },
    async run(sql, params = []) {
      const statement = prepared(sql);
      if (statement.reader) return statement.all(...params).length;
      return statement.run(...params).changes;
    },
  };

  function serialised<T>(work: () => Promise<T>): Promise<T> {
    const result = queue.then(work);
    queue = result.catch(() => undefined);
    return result;
  }

  return {
    dialect: 'sqlite',
    all: (sql, params) => serialised(() => direct.all(sql, params)),
    run: (sql, params) => serialised(() => direct.run(sql, params)),
    transaction(work) {
      return serialised(async () => {
        const connection = open();
        // IMMEDIATE takes the write lock up front, so two processes cannot both read then write.
        connection.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(direct);
          connection.exec('COMMIT');
          return result;
        } catch (error) {
          if (connection.inTransaction) connection.exec('ROLLBACK');
          throw error;
        }
      });
    },
    async close() {
      await serialised(async () => {
        statements.clear();
        db?.close();
        db = undefined;
      });
    },
  };
}
