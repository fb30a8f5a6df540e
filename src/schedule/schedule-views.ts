import type { Document } from '../domain/document.ts';
import { formatInstant } from '../domain/format.ts';
import { nextFireTimes } from './fire-times.ts';
import { describeDays, describeRule, type Schedule } from './schedule.ts';

/** "Mon 2026-05-04 07:30 JST" */
export function formatFire(at: Date, timeZone: string): string {
  const weekday = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short' }).format(at);
  return `${weekday} ${formatInstant(at, timeZone)}`;
}

/** "morning at 07:30 mon-fri Asia/Tokyo (ja)" */
export function describeSchedule(schedule: Schedule): string {
  const locale = schedule.locale ? ` (${schedule.locale})` : '';
  return `${schedule.template}${locale} at ${describeRule(schedule)}`;
}

export function scheduleTable(schedules: readonly Schedule[], now: Date): Document {
  const rows = schedules.map((s) => {
    const next = s.paused ? undefined : nextFireTimes(s, now, 1)[0];
    const status = s.paused ? `paused${s.pausedReason ? ` (${s.pausedReason})` : ''}` : 'active';
    const when = [s.time, describeDays(s.days), s.timeZone, ...s.skipHolidays.map((c) => `skip:${c}`)];
    const template = s.locale ? `${s.template} (${s.locale})` : s.template;
    return [s.id, when.join(' '), template, next ? formatFire(next, s.timeZone) : '–', status, s.ownerId];
  });
  return {
    title: `${schedules.length} digest${schedules.length === 1 ? '' : 's'} in this channel`,
    blocks: [{ kind: 'table', columns: ['Id', 'When', 'Template', 'Next', 'Status', 'Owner'], rows }],
    footer: [],
  };
}

/** The next `count` sends of these schedules, merged in time order, in each one's zone and in UTC. */
export function nextSendsTable(schedules: readonly Schedule[], now: Date, count: number): Document {
  const active = schedules.filter((s) => !s.paused);
  const sends = active
    .flatMap((s) => nextFireTimes(s, now, count).map((at) => ({ at, schedule: s })))
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.schedule.id.localeCompare(b.schedule.id))
    .slice(0, count);
  const paused = schedules.length - active.length;
  return {
    title: `Next ${sends.length} send${sends.length === 1 ? '' : 's'}`,
    blocks: [
      {
        kind: 'table',
        columns: ['Id', 'Template', 'Local', 'UTC'],
        rows: sends.map(({ at, schedule }) => [
          schedule.id,
          schedule.template,
          formatFire(at, schedule.timeZone),
          formatFire(at, 'UTC'),
        ]),
      },
      ...(paused > 0
        ? [
            {
              kind: 'text' as const,
              text: `${paused} paused digest${paused === 1 ? ' is' : 's are'} not shown.`,
              tone: 'muted' as const,
            },
          ]
        : []),
    ],
    footer: [],
  };
}
