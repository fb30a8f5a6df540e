/** Days of the week as cron numbers them: 0 is Sunday. */
export const WEEKDAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** Market holiday calendars a schedule can skip: Japanese (JGB, TSE) or US (Treasury market). */
export const MARKET_CALENDARS = ['jp', 'us'] as const;
export type MarketCalendar = (typeof MARKET_CALENDARS)[number];

/** When a digest is sent: a local time of day on some weekdays in one IANA zone, minus holidays. */
export interface ScheduleRule {
  /** Local wall-clock time, `HH:MM` (24-hour). */
  readonly time: string;
  /** Sorted, without repeats. */
  readonly days: readonly Weekday[];
  readonly timeZone: string;
  /** Days that are holidays in any of these calendars are skipped. */
  readonly skipHolidays: readonly MarketCalendar[];
}

/** A digest a manager scheduled for one channel. */
export interface Schedule extends ScheduleRule {
  readonly id: string;
  readonly platform: string;
  readonly channelId: string;
  /** The manager who created it: told when a delivery fails for good. */
  readonly ownerId: string;
  readonly template: string;
  /** BCP 47 locale; the template's own when absent. */
  readonly locale?: string;
  readonly paused: boolean;
  /** Why it is paused when the bot paused it (a channel gone, the bot removed). */
  readonly pausedReason?: string;
  readonly createdAt: string;
  /** ISO instant of the next fire not yet handed to the delivery ledger. */
  readonly nextFireAt?: string;
}

export const ALL_DAYS: readonly Weekday[] = [0, 1, 2, 3, 4, 5, 6];
export const WEEKDAYS_MON_FRI: readonly Weekday[] = [1, 2, 3, 4, 5];

/** `daily`, `mon-fri`, or a list such as `mon,wed,fri`. */
export function describeDays(days: readonly Weekday[]): string {
  if (days.length === 7) return 'daily';
  if (days.join(',') === WEEKDAYS_MON_FRI.join(',')) return 'mon-fri';
  return days.map((d) => WEEKDAY_NAMES[d]).join(',');
}

/** "07:30 mon-fri Asia/Tokyo, skipping JP holidays" */
export function describeRule(rule: ScheduleRule): string {
  const skip =
    rule.skipHolidays.length === 0
      ? ''
      : `, skipping ${rule.skipHolidays.map((c) => c.toUpperCase()).join(' and ')} market holidays`;
  return `${rule.time} ${describeDays(rule.days)} ${rule.timeZone}${skip}`;
}

/** The cron pattern croner evaluates: minute, hour, any day of month, any month, these weekdays. */
export function cronPattern(rule: ScheduleRule): string {
  const [hour, minute] = rule.time.split(':').map(Number);
  const days = rule.days.length === 7 ? '*' : rule.days.join(',');
  return `${minute ?? 0} ${hour ?? 0} * * ${days}`;
}
