import { clip } from '../command/resolvers.ts';
import { UserError } from '../errors.ts';
import {
  ALL_DAYS,
  MARKET_CALENDARS,
  type MarketCalendar,
  type ScheduleRule,
  WEEKDAY_NAMES,
  WEEKDAYS_MON_FRI,
  type Weekday,
} from './schedule.ts';

export const ADD_USAGE =
  '/digest add <HH:MM> [mon-fri|daily|mon,wed,fri] [zone] [template] [locale] [skip:jp|us]';

/** What `/digest add` asked for, before it becomes a stored schedule. */
export interface DigestRequest {
  readonly rule: ScheduleRule;
  readonly template: string;
  readonly locale?: string;
}

export interface ParseOptions {
  readonly defaultZone: string;
  readonly defaultTemplate: string;
  /** Template names that exist, lower case. */
  readonly templates: readonly string[];
}

/**
 * Parses the words after `/digest add`: a time first, then in any order a days word, an IANA
 * zone, a template name, a locale and `skip:jp` / `skip:us` / `skip:jp,us`. Each word is told
 * apart by its shape, so `07:30 Asia/Tokyo morning` and `07:30 morning daily` both work.
 */
export function parseDigestRequest(tokens: readonly string[], options: ParseOptions): DigestRequest {
  const [first, ...rest] = tokens;
  if (first === undefined) {
    throw new UserError('MISSING_ARGUMENT', 'At what time?', `Type ${ADD_USAGE}. Example: /digest add 07:30`);
  }
  const time = parseTime(first);
  let days: readonly Weekday[] | undefined;
  let timeZone: string | undefined;
  let template: string | undefined;
  let locale: string | undefined;
  let skipHolidays: readonly MarketCalendar[] = [];
  for (const token of rest) {
    const word = token.toLowerCase();
    const once = <T>(current: T | undefined, what: string): void => {
      if (current !== undefined)
        throw new UserError('BAD_ARGUMENT', `Two ${what}s given ("${clip(token)}").`, `Type ${ADD_USAGE}.`);
    };
    if (word.startsWith('skip:')) {
      skipHolidays = parseCalendars(word.slice('skip:'.length));
    } else if (options.templates.includes(word)) {
      once(template, 'template');
      template = word;
    } else if (parseDays(word) !== undefined) {
      once(days, 'day list');
      days = parseDays(word);
    } else if (token.includes('/') || /^(utc|gmt)$/i.test(token)) {
      once(timeZone, 'time zone');
      timeZone = parseZone(token);
    } else if (isLocale(token)) {
      once(locale, 'locale');
      locale = Intl.getCanonicalLocales(token)[0];
    } else {
      throw new UserError(
        'BAD_ARGUMENT',
        `"${clip(token)}" is not a day list, time zone, template or locale.`,
        `Days: mon-fri, daily or mon,wed,fri. Zones: Asia/Tokyo, America/New_York. Templates: ${options.templates.join(', ')}. Locales: en-US, ja.`,
      );
    }
  }
  return {
    rule: { time, days: days ?? WEEKDAYS_MON_FRI, timeZone: timeZone ?? options.defaultZone, skipHolidays },
    template: template ?? options.defaultTemplate,
    ...(locale === undefined ? {} : { locale }),
  };
}

/** `7:30`, `07:30` or `17:05`, 24-hour. */
export function parseTime(text: string): string {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  const hour = Number(match?.[1]);
  const minute = Number(match?.[2]);
  if (!match || hour > 23 || minute > 59) {
    throw new UserError(
      'BAD_ARGUMENT',
      `"${clip(text)}" is not a time of day.`,
      'Write the time as HH:MM on a 24-hour clock, for example 07:30 or 17:05.',
    );
  }
  return `${String(hour).padStart(2, '0')}:${match[2]}`;
}

/** `daily`, `weekdays`/`mon-fri`, `weekends`, or days and ranges such as `mon,wed,fri` or `mon-wed,fri`. */
export function parseDays(text: string): readonly Weekday[] | undefined {
  const word = text.toLowerCase();
  if (word === 'daily' || word === 'everyday') return ALL_DAYS;
  if (word === 'weekdays') return WEEKDAYS_MON_FRI;
  if (word === 'weekends') return [0, 6];
  const days = new Set<Weekday>();
  for (const part of word.split(',')) {
    const [from, to, ...extra] = part.split('-').map(weekday);
    if (from === undefined || extra.length > 0 || (to === undefined && part.includes('-'))) return undefined;
    if (to === undefined) {
      days.add(from);
      continue;
    }
    // A range may wrap the week: fri-mon is Fri, Sat, Sun, Mon.
    for (let d = from; ; d = ((d + 1) % 7) as Weekday) {
      days.add(d);
      if (d === to) break;
    }
  }
  return days.size === 0 ? undefined : [...days].sort((a, b) => a - b);
}

/** A canonical IANA zone name ("asia/tokyo" → "Asia/Tokyo"), or a `UserError`. */
export function parseZone(text: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: text }).resolvedOptions().timeZone;
  } catch {
    throw new UserError(
      'BAD_ARGUMENT',
      `"${clip(text)}" is not a time zone.`,
      'Use an IANA zone name such as Asia/Tokyo, America/New_York, Europe/London or UTC.',
    );
  }
}

function parseCalendars(text: string): MarketCalendar[] {
  const names = text.split(',').filter(Boolean);
  const unknown = names.find((n) => !(MARKET_CALENDARS as readonly string[]).includes(n));
  if (names.length === 0 || unknown !== undefined) {
    throw new UserError(
      'BAD_ARGUMENT',
      `"${clip(unknown ?? text)}" is not a market calendar.`,
      'Use skip:jp (Japanese market holidays), skip:us (US federal holidays) or skip:jp,us.',
    );
  }
  return [...new Set(names as MarketCalendar[])].sort();
}

function weekday(text: string): Weekday | undefined {
  const index = (WEEKDAY_NAMES as readonly string[]).indexOf(text.slice(0, 3));
  const full = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
  if (index < 0 || !(text.length === 3 || full[index] === text)) return undefined;
  return index as Weekday;
}

function isLocale(text: string): boolean {
  if (!/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(text)) return false;
  try {
    return Intl.DateTimeFormat.supportedLocalesOf(text).length > 0;
  } catch {
    return false;
  }
}
