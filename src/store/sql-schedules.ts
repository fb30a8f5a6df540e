import type { MarketCalendar, Schedule, Weekday } from '../schedule/schedule.ts';
import type { SqlDatabase } from './sql-database.ts';
import type { ScheduleRepository } from './store.ts';

interface ScheduleRow {
  id: string;
  platform: string;
  channel_id: string;
  owner_id: string;
  time_of_day: string;
  days: string;
  time_zone: string;
  skip_holidays: string;
  template: string;
  locale: string | null;
  paused: number;
  paused_reason: string | null;
  created_at: string;
  next_fire_at: string | null;
}

const COLUMNS =
  'id, platform, channel_id, owner_id, time_of_day, days, time_zone, skip_holidays, template, locale, paused, paused_reason, created_at, next_fire_at';

export function createSqlSchedules(db: SqlDatabase, now: () => Date): ScheduleRepository {
  const stamp = () => now().toISOString();
  return {
    async add(s) {
      await db.run(
        `INSERT INTO schedules (${COLUMNS}, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          s.id,
          s.platform,
          s.channelId,
          s.ownerId,
          s.time,
          s.days.join(','),
          s.timeZone,
          s.skipHolidays.join(','),
          s.template,
          s.locale ?? null,
          s.paused ? 1 : 0,
          s.pausedReason ?? null,
          s.createdAt,
          s.nextFireAt ?? null,
          stamp(),
        ],
      );
    },
    async get(id) {
      const [row] = await db.all<ScheduleRow>(`SELECT ${COLUMNS} FROM schedules WHERE id = ?`, [id]);
      return row ? toSchedule(row) : undefined;
    },
    async list(platform, channelId) {
      const rows = await db.all<ScheduleRow>(
        `SELECT ${COLUMNS} FROM schedules WHERE platform = ? AND channel_id = ? ORDER BY time_of_day, id`,
        [platform, channelId],
      );
      return rows.map(toSchedule);
    },
    async due(at, limit) {
      const rows = await db.all<ScheduleRow>(
        `SELECT ${COLUMNS} FROM schedules
         WHERE paused = 0 AND next_fire_at IS NOT NULL AND next_fire_at <= ?
         ORDER BY next_fire_at, id LIMIT ?`,
        [at.toISOString(), limit],
      );
      return rows.map(toSchedule);
    },
    async advance(id, expected, next) {
      const changed = await db.run(
        'UPDATE schedules SET next_fire_at = ?, updated_at = ? WHERE id = ? AND next_fire_at = ?',
        [next ?? null, stamp(), id, expected],
      );
      return changed === 1;
    },
    async setPaused(id, change) {
      return db.transaction(async (tx) => {
        const changed = change.paused
          ? await tx.run(
              'UPDATE schedules SET paused = 1, paused_reason = ?, updated_at = ? WHERE id = ? AND paused = 0',
              [change.reason ?? null, stamp(), id],
            )
          : await tx.run(
              'UPDATE schedules SET paused = 0, paused_reason = NULL, next_fire_at = ?, updated_at = ? WHERE id = ?',
              [change.nextFireAt ?? null, stamp(), id],
            );
        if (changed === 1 && change.paused) await cancelPending(tx, id, stamp());
        return changed === 1;
      });
    },
    async remove(id) {
      return db.transaction(async (tx) => {
        const changed = await tx.run('DELETE FROM schedules WHERE id = ?', [id]);
        if (changed === 1) await cancelPending(tx, id, stamp());
        return changed === 1;
      });
    },
  };
}

/** Deliveries not yet claimed are cancelled with their schedule; claimed ones finish as they are. */
async function cancelPending(tx: Pick<SqlDatabase, 'run'>, scheduleId: string, at: string): Promise<void> {
  await tx.run(
    "UPDATE deliveries SET status = 'cancelled', note = 'schedule paused or removed', updated_at = ? WHERE schedule_id = ? AND status = 'pending'",
    [at, scheduleId],
  );
}

function toSchedule(row: ScheduleRow): Schedule {
  return {
    id: row.id,
    platform: row.platform,
    channelId: row.channel_id,
    ownerId: row.owner_id,
    time: row.time_of_day,
    days: row.days.split(',').map(Number) as Weekday[],
    timeZone: row.time_zone,
    skipHolidays: row.skip_holidays.split(',').filter(Boolean) as MarketCalendar[],
    template: row.template,
    ...(row.locale === null ? {} : { locale: row.locale }),
    paused: Number(row.paused) === 1,
    ...(row.paused_reason === null ? {} : { pausedReason: row.paused_reason }),
    createdAt: row.created_at,
    ...(row.next_fire_at === null ? {} : { nextFireAt: row.next_fire_at }),
  };
}
