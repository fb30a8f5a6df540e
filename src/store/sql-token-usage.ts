import type { SqlDatabase } from './sql-database.ts';
import type { TokenUsage } from './store.ts';

/** `llm_token_usage`: one row per UTC day, its total raised in one statement by every instance. */
export function createSqlTokenUsage(db: SqlDatabase): TokenUsage {
  return {
    async add(day, tokens) {
      const rows = await db.all<{ tokens: number | string }>(
        `INSERT INTO llm_token_usage (day, tokens) VALUES (?, ?)
         ON CONFLICT (day) DO UPDATE SET tokens = llm_token_usage.tokens + excluded.tokens
         RETURNING tokens`,
        [day, tokens],
      );
      return Number(rows[0]?.tokens ?? 0);
    },
    async total(day) {
      const rows = await db.all<{ tokens: number | string }>(
        'SELECT tokens FROM llm_token_usage WHERE day = ?',
        [day],
      );
      // PostgreSQL returns BIGINT as text.
      return Number(rows[0]?.tokens ?? 0);
    },
  };
}
