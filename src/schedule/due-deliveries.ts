import type { NewDelivery } from '../store/store.ts';
import { fireTimesBetween } from './fire-times.ts';
import type { Schedule } from './schedule.ts';

/** At most this many past fires of one schedule are recorded as missed after a long outage. */
const MAX_BACKFILL = 50;

/**
 * One ledger row per fire from the schedule's watermark (`first`) up to `now`. A fire more than
 * `graceMs` ago is recorded as missed: a morning brief at noon would mislead more than help.
 */
export function dueDeliveries(schedule: Schedule, first: string, now: Date, graceMs: number): NewDelivery[] {
  const fires = [new Date(first), ...fireTimesBetween(schedule, new Date(first), now, MAX_BACKFILL)];
  return fires.map((fire): NewDelivery => {
    const lateMs = now.getTime() - fire.getTime();
    return {
      scheduleId: schedule.id,
      fireAt: fire.toISOString(),
      platform: schedule.platform,
      channelId: schedule.channelId,
      ownerId: schedule.ownerId,
      template: schedule.template,
      ...(schedule.locale === undefined ? {} : { locale: schedule.locale }),
      timeZone: schedule.timeZone,
      ...(lateMs > graceMs
        ? {
            status: 'missed' as const,
            note: `not sent: due ${describeDelay(lateMs)} earlier, past the grace window`,
          }
        : { status: 'pending' as const }),
    };
  });
}

/** "12 min", "3 h" */
export function describeDelay(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return minutes >= 120 ? `${Math.round(minutes / 60)} h` : `${minutes} min`;
}
