import type { IsoDate } from '../domain/dates.ts';
import { zoneAbbreviation } from '../domain/format.ts';

/**
 * Figures and dates as a reader in `locale` expects them, through `Intl`. Every instant is shown in
 * the channel's zone with the zone's abbreviation, never bare. Formatters are cached: building one
 * costs far more than using it, and a brief formats a few hundred figures.
 */
export interface BriefFormat {
  readonly locale: string;
  readonly timeZone: string;
  /** A yield in percent ("2.330%"). */
  yieldLevel(percent: number, decimals: number): string;
  /** A change in percentage points, in basis points with one decimal and a sign ("+18.0 bp"). */
  bpChange(percentPoints: number): string;
  /** A number of basis points with one decimal and a sign ("+157.3 bp"). */
  bp(value: number): string;
  /** A signed number with fixed decimals ("+18.0"), for table cells whose column names the unit. */
  signed(value: number, decimals: number): string;
  price(value: number, decimals: number): string;
  /** The relative change from `from` to `to`, as a signed percentage ("-0.75%"). */
  percentChange(from: number, to: number): string;
  sigma(value: number): string;
  /** A market date ("Mar 13, 2026"). Dates are calendar days, not instants: no zone applies. */
  date(date: IsoDate): string;
  /** A date in full ("Monday, March 16, 2026"). */
  longDate(date: IsoDate): string;
  weekday(date: IsoDate): string;
  /** A time of day in the channel's zone ("09:00 JST"). */
  time(instant: Date): string;
  /** A date and time in the channel's zone ("Mar 16, 2026, 09:00 JST"). */
  dateTime(instant: Date): string;
  /** A date and time without the year ("Mar 16, 09:00 JST"), for headlines. */
  shortDateTime(instant: Date): string;
}

export function createBriefFormat(locale: string, timeZone: string): BriefFormat {
  const number = (options: Intl.NumberFormatOptions) =>
    cached(`n|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));
  const dates = (options: Intl.DateTimeFormatOptions) =>
    cached(`d|${locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));
  const fixed = (decimals: number, signed: boolean) => ({
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    ...(signed ? { signDisplay: 'exceptZero' as const } : {}),
  });
  const calendarDay = (date: IsoDate) => new Date(`${date}T12:00:00Z`);
  const zoned = { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;

  const format: BriefFormat = {
    locale,
    timeZone,
    yieldLevel: (percent, decimals) =>
      number({ style: 'percent', ...fixed(decimals, false) }).format(percent / 100),
    bpChange: (percentPoints) => format.bp(Math.round(percentPoints * 1000) / 10),
    bp: (value) => `${format.signed(value, 1)} bp`,
    signed: (value, decimals) => number(fixed(decimals, true)).format(roundTo(value, decimals)),
    price: (value, decimals) => number(fixed(decimals, false)).format(value),
    percentChange: (from, to) =>
      number({ style: 'percent', ...fixed(2, true) }).format(roundTo((to - from) / from, 4)),
    sigma: (value) => `${format.signed(value, 1)}σ`,
    date: (date) => dates({ dateStyle: 'medium', timeZone: 'UTC' }).format(calendarDay(date)),
    longDate: (date) => dates({ dateStyle: 'full', timeZone: 'UTC' }).format(calendarDay(date)),
    weekday: (date) => dates({ weekday: 'long', timeZone: 'UTC' }).format(calendarDay(date)),
    time: (instant) => `${dates(zoned).format(instant)} ${zoneAbbreviation(instant, timeZone)}`,
    dateTime: (instant) =>
      `${dates({ ...zoned, year: 'numeric', month: 'short', day: 'numeric' }).format(instant)} ${zoneAbbreviation(instant, timeZone)}`,
    shortDateTime: (instant) =>
      `${dates({ ...zoned, month: 'short', day: 'numeric' }).format(instant)} ${zoneAbbreviation(instant, timeZone)}`,
  };
  return format;
}

/** Rounds half away from zero at `decimals` first, so binary noise (2.33 - 2.28 = 0.0499…) cannot flip a digit. */
function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(Math.abs(value) * factor + 1e-9) / factor;
  return value < 0 ? -rounded : rounded;
}

const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let found = formatters.get(key);
  if (!found) {
    found = make();
    formatters.set(key, found);
  }
  return found as T;
}
