import type { AlertRepository } from '../alerts/alert-repository.ts';
import { runMigrations } from './migrations.ts';
import { createSqlAlerts } from './sql-alerts.ts';
import { createSqlAuditLog } from './sql-audit-log.ts';
import type { SqlDatabase } from './sql-database.ts';
import { createSqlDeliveries } from './sql-deliveries.ts';
import { createSqlBriefCache, createSqlMarketHistory } from './sql-market-history.ts';
import { createSqlSchedules } from './sql-schedules.ts';
import { createSqlSignatures } from './sql-signatures.ts';
import { createSqlTokenUsage } from './sql-token-usage.ts';
import type { Store } from './store.ts';

export interface SqlStoreOptions {
  /** Stamps `updated_at` and `created_at`; the scheduler passes its own instants where they matter. */
  readonly now?: () => Date;
}

/**
 * The one data-access layer over either engine. Every repository method first awaits the
 * migrations (once), so a store can be created synchronously at start-up and opened on first use.
 */
export function createSqlStore(db: SqlDatabase, options: SqlStoreOptions = {}): Store {
  const now = options.now ?? (() => new Date());
  let migrated: Promise<number[]> | undefined;
  const migrate = () => {
    migrated ??= runMigrations(db, now).catch((error: unknown) => {
      migrated = undefined;
      throw error;
    });
    return migrated;
  };
  const ready = <T extends object>(repository: T): T => afterMigrations(repository, migrate);
  return {
    engine: db.dialect,
    schedules: ready(createSqlSchedules(db, now)),
    deliveries: ready(createSqlDeliveries(db, now)),
    audit: ready(createSqlAuditLog(db)),
    alerts: ready<AlertRepository>(createSqlAlerts(db)),
    history: ready(createSqlMarketHistory(db, now)),
    briefs: ready(createSqlBriefCache(db, now)),
    signatures: ready(createSqlSignatures(db)),
    tokenUsage: ready(createSqlTokenUsage(db)),
    migrate,
    close: () => db.close(),
  };
}

/** Wraps each method so it runs after the migrations have been applied. */
function afterMigrations<T extends object>(repository: T, migrate: () => Promise<unknown>): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(repository)) {
    wrapped[name] =
      typeof value === 'function'
        ? async (...args: unknown[]) => {
            await migrate();
            return (value as (...a: unknown[]) => unknown).apply(repository, args);
          }
        : value;
  }
  return wrapped as T;
}
