import { Cron } from 'croner';
import { dateInZone } from '../domain/dates.ts';
import { marketHoliday } from '../market/market-calendar.ts';
import { cronPattern, type ScheduleRule } from './schedule.ts';

/** How many cron runs to look through for `count` fires before giving up (holidays never run this long). */
const MAX_CANDIDATES = 400;

/**
 * The next `count` instants strictly after `from` at which `rule` fires, skipping market holidays.
 *
 * croner resolves the rule's wall-clock time in its zone, which gives what a desk expects across
 * daylight-saving changes (checked in test/schedule/fire-times.test.ts): a time that does not exist
 * on a spring-forward day fires at the moment the clock jumps to (02:30 New York fires at 03:00
 * EDT), and a time that occurs twice on a fall-back day fires once, at its first occurrence.
 */
export function nextFireTimes(rule: ScheduleRule, from: Date, count: number): Date[] {
  const cron = cronFor(rule);
  const fires: Date[] = [];
  let after = from;
  let looked = 0;
  while (fires.length < count && looked < MAX_CANDIDATES) {
    // With holidays to skip, look a little further ahead each time; without, exactly as far as asked.
    const wanted = count - fires.length;
    const batch = cron.nextRuns(rule.skipHolidays.length > 0 ? Math.max(wanted, 8) : wanted, after);
    if (batch.length === 0) break;
    looked += batch.length;
    for (const at of batch) {
      if (fires.length < count && holidayOn(rule, at) === undefined) fires.push(at);
    }
    after = batch.at(-1) ?? after;
  }
  return fires;
}

/**
 * Parsing a pattern costs far more than asking for runs, and a fan-out asks for thousands of
 * schedules that share a handful of rules. A paused job has no timer, so keeping one is free.
 */
const crons = new Map<string, Cron>();
const MAX_CACHED_CRONS = 1_000;

function cronFor(rule: ScheduleRule): Cron {
  const pattern = cronPattern(rule);
  const key = `${pattern}|${rule.timeZone}`;
  let cron = crons.get(key);
  if (!cron) {
    if (crons.size >= MAX_CACHED_CRONS) crons.clear();
    cron = new Cron(pattern, { timezone: rule.timeZone, paused: true });
    crons.set(key, cron);
  }
  return cron;
}

/** The first fire strictly after `from`, if the rule ever fires. */
export function nextFireTime(rule: ScheduleRule, from: Date): Date | undefined {
  return nextFireTimes(rule, from, 1)[0];
}

/** Fires in `(after, upTo]`, oldest first, at most `limit` of them (the most recent are kept). */
export function fireTimesBetween(rule: ScheduleRule, after: Date, upTo: Date, limit: number): Date[] {
  const fires: Date[] = [];
  let cursor = after;
  for (;;) {
    const next = nextFireTime(rule, cursor);
    if (!next || next.getTime() > upTo.getTime()) break;
    fires.push(next);
    if (fires.length > limit) fires.shift();
    cursor = next;
  }
  return fires;
}

/** The name of the market holiday that falls on this fire's local date, if any. */
export function holidayOn(rule: ScheduleRule, at: Date): string | undefined {
  if (rule.skipHolidays.length === 0) return undefined;
  const date = dateInZone(at, rule.timeZone);
  for (const calendar of rule.skipHolidays) {
    const name = marketHoliday(calendar, date);
    if (name !== undefined) return name;
  }
  return undefined;
}
