import type { Pool, PoolClient } from 'pg';
import { numberedPlaceholders, type SqlDatabase, type SqlExecutor, type SqlValue } from './sql-database.ts';

/** node-postgres behind the `SqlDatabase` port. The caller owns the pool's configuration. */
export function createPostgresDatabase(pool: Pool, options: { ownsPool: boolean }): SqlDatabase {
  const on = (target: Pool | PoolClient): SqlExecutor => ({
    dialect: 'postgres',
    async all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
      const result = await target.query(numberedPlaceholders(sql), [...params]);
      return result.rows as T[];
    },
    async run(sql, params = []) {
      const result = await target.query(numberedPlaceholders(sql), [...params]);
      return result.rowCount ?? 0;
    },
  });
  return {
    ...on(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(on(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      if (options.ownsPool) await pool.end();
    },
  };
}
