import type { SqlDatabase, SqlExecutor, SqlValue } from './sql-database.ts';
import type { Delivery, DeliveryKey, DeliveryLedger, DeliveryStatus, NewDelivery } from './store.ts';

interface DeliveryRow {
  schedule_id: string;
  fire_at: string;
  platform: string;
  channel_id: string;
  status: DeliveryStatus;
  owner_id: string;
  template: string;
  locale: string | null;
  time_zone: string;
  attempts: number | string;
  claimed_by: string | null;
  lease_until: string | null;
  first_claimed_at: string | null;
  message_ids: string;
  error: string | null;
  note: string | null;
  updated_at: string;
}

const KEY = 'schedule_id = ? AND fire_at = ? AND platform = ? AND channel_id = ?';
const keyParams = (k: DeliveryKey): SqlValue[] => [k.scheduleId, k.fireAt, k.platform, k.channelId];

/** Pending work, or work whose claimer stopped renewing its lease (it died or hung). */
const CLAIMABLE = "(status = 'pending' OR (status = 'claimed' AND lease_until < ?))";

function insert(tx: SqlExecutor, r: NewDelivery, at: string): Promise<number> {
  return tx.run(
    `INSERT INTO deliveries (schedule_id, fire_at, platform, channel_id, status, owner_id, template, locale, time_zone, note, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT DO NOTHING`,
    [...keyParams(r), r.status, r.ownerId, r.template, r.locale ?? null, r.timeZone, r.note ?? null, at, at],
  );
}

export function createSqlDeliveries(db: SqlDatabase, now: () => Date): DeliveryLedger {
  return {
    async enqueue(rows) {
      if (rows.length === 0) return 0;
      return db.transaction(async (tx) => {
        let added = 0;
        for (const row of rows) added += await insert(tx, row, now().toISOString());
        return added;
      });
    },

    async enqueueFires(batch) {
      if (batch.length === 0) return { pending: 0, missed: [] };
      return db.transaction(async (tx) => {
        const added = { pending: 0, missed: [] as NewDelivery[] };
        const at = now().toISOString();
        for (const item of batch) {
          for (const row of item.rows) {
            const isNew = (await insert(tx, row, at)) === 1;
            if (isNew && row.status === 'missed') added.missed.push(row);
            else if (isNew) added.pending += 1;
          }
          await tx.run(
            'UPDATE schedules SET next_fire_at = ?, updated_at = ? WHERE id = ? AND next_fire_at = ?',
            [item.next ?? null, at, item.scheduleId, item.expected],
          );
        }
        return added;
      });
    },

    async claim({ instanceId, now, leaseMs, limit }) {
      const at = now.toISOString();
      // PostgreSQL: rows another instance is claiming right now are skipped, not waited for. SQLite
      // has one writer at a time, so the single UPDATE is already atomic.
      const lock = db.dialect === 'postgres' ? 'FOR UPDATE SKIP LOCKED' : '';
      const rows = await db.all<DeliveryRow>(
        `UPDATE deliveries
         SET status = 'claimed', claimed_by = ?, lease_until = ?, attempts = attempts + 1,
             first_claimed_at = COALESCE(first_claimed_at, ?), updated_at = ?
         WHERE ${CLAIMABLE} AND (schedule_id, fire_at, platform, channel_id) IN (
           SELECT schedule_id, fire_at, platform, channel_id FROM deliveries
           WHERE ${CLAIMABLE}
           ORDER BY fire_at, schedule_id, channel_id
           LIMIT ? ${lock}
         )
         RETURNING *`,
        [instanceId, new Date(now.getTime() + leaseMs).toISOString(), at, at, at, at, limit],
      );
      return rows.map(toDelivery).sort((a, b) => a.fireAt.localeCompare(b.fireAt));
    },

    async renew(instanceId, keys, leaseUntil) {
      for (const key of keys) {
        await db.run(
          `UPDATE deliveries SET lease_until = ? WHERE ${KEY} AND claimed_by = ? AND status = 'claimed'`,
          [leaseUntil.toISOString(), ...keyParams(key), instanceId],
        );
      }
    },

    async finish(key, instanceId, outcome, now) {
      const changed = await db.run(
        `UPDATE deliveries SET status = ?, message_ids = ?, error = ?, note = COALESCE(?, note), lease_until = NULL, updated_at = ?
         WHERE ${KEY} AND claimed_by = ? AND status = 'claimed'`,
        [
          outcome.status,
          JSON.stringify(outcome.messageIds ?? []),
          outcome.error ?? null,
          outcome.note ?? null,
          now.toISOString(),
          ...keyParams(key),
          instanceId,
        ],
      );
      return changed === 1;
    },

    async release(key, instanceId) {
      await db.run(
        `UPDATE deliveries SET status = 'pending', claimed_by = NULL, lease_until = NULL
         WHERE ${KEY} AND claimed_by = ? AND status = 'claimed'`,
        [...keyParams(key), instanceId],
      );
    },

    async get(key) {
      const [row] = await db.all<DeliveryRow>(`SELECT * FROM deliveries WHERE ${KEY}`, keyParams(key));
      return row ? toDelivery(row) : undefined;
    },

    async list(filter) {
      const where: string[] = [];
      const params: SqlValue[] = [];
      if (filter.scheduleId !== undefined) {
        where.push('schedule_id = ?');
        params.push(filter.scheduleId);
      }
      if (filter.status !== undefined) {
        where.push('status = ?');
        params.push(filter.status);
      }
      const rows = await db.all<DeliveryRow>(
        `SELECT * FROM deliveries ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY fire_at, schedule_id, channel_id LIMIT ?`,
        [...params, filter.limit ?? 100_000],
      );
      return rows.map(toDelivery);
    },

    async lastSent(platform, channelId, before) {
      const [row] = await db.all<{ fire_at: string }>(
        `SELECT fire_at FROM deliveries
         WHERE platform = ? AND channel_id = ? AND status = 'sent' AND fire_at < ?
         ORDER BY fire_at DESC LIMIT 1`,
        [platform, channelId, before],
      );
      return row?.fire_at;
    },
  };
}

function toDelivery(row: DeliveryRow): Delivery {
  return {
    scheduleId: row.schedule_id,
    fireAt: row.fire_at,
    platform: row.platform,
    channelId: row.channel_id,
    status: row.status,
    ownerId: row.owner_id,
    template: row.template,
    ...(row.locale === null ? {} : { locale: row.locale }),
    timeZone: row.time_zone,
    attempts: Number(row.attempts),
    ...(row.claimed_by === null ? {} : { claimedBy: row.claimed_by }),
    ...(row.lease_until === null ? {} : { leaseUntil: row.lease_until }),
    ...(row.first_claimed_at === null ? {} : { firstClaimedAt: row.first_claimed_at }),
    messageIds: JSON.parse(row.message_ids) as string[],
    ...(row.error === null ? {} : { error: row.error }),
    ...(row.note === null ? {} : { note: row.note }),
    updatedAt: row.updated_at,
  };
}
