import type { SqlDatabase } from './sql-database.ts';
import type { SeenSignatures } from './store.ts';

/** Expired signatures are deleted at most this often per process, not on every request. */
const PRUNE_INTERVAL_MS = 60_000;

/**
 * `seen_signatures`: one row per accepted signature. The insert is the check: of two instances
 * admitting the same signature at once, the primary key lets exactly one of them insert it.
 */
export function createSqlSignatures(db: SqlDatabase): SeenSignatures {
  let prunedAtMs = Number.NEGATIVE_INFINITY;
  return {
    async admit(signature, expiresAt, now) {
      const nowMs = Date.parse(now);
      if (nowMs - prunedAtMs >= PRUNE_INTERVAL_MS) {
        prunedAtMs = nowMs;
        await db.run('DELETE FROM seen_signatures WHERE expires_at <= ?', [now]);
      }
      // A row still live means a replay; an expired one not yet pruned is taken over.
      const admitted = await db.run(
        `INSERT INTO seen_signatures (signature, expires_at) VALUES (?, ?)
         ON CONFLICT (signature) DO UPDATE SET expires_at = excluded.expires_at
         WHERE seen_signatures.expires_at <= ?`,
        [signature, expiresAt, now],
      );
      return admitted === 1;
    },
  };
}
