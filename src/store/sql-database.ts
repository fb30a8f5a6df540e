export type SqlValue = string | number | null;

/** What the repositories run SQL through. Placeholders are `?` on both engines. */
export interface SqlExecutor {
  readonly dialect: 'sqlite' | 'postgres';
  /** Rows of a query (or of a statement with RETURNING). */
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Runs a statement; returns the number of rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
}

/** A connection (SQLite) or a pool (PostgreSQL) that can also run a transaction. */
export interface SqlDatabase extends SqlExecutor {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** `?` → `$1, $2, …` for PostgreSQL. The repositories never put a `?` inside a string literal. */
export function numberedPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => {
    n += 1;
    return `$${n}`;
  });
}
