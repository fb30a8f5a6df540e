import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type Holidays from 'date-holidays';
import type { HolidaysTypes } from 'date-holidays';
import type { IsoDate } from '../domain/dates.ts';
import type { Market } from '../domain/instruments.ts';

/** A market whose holiday calendar briefbot knows: Japanese (JGB, TSE) or US (Treasury market). */
type MarketCalendar = Market;

/**
 * Holiday types that close each market, as `date-holidays` classifies them. Japan's bond and
 * stock markets close on public holidays and on the bank holidays of 31 Dec and 2–3 Jan; the US
 * Treasury market closes on federal holidays, which date-holidays lists as public. (Good Friday,
 * when SIFMA usually recommends a close, is not a federal holiday and is not skipped.)
 */
export const CALENDARS: Readonly<
  Record<MarketCalendar, { country: string; types: readonly HolidaysTypes.HolidayType[] }>
> = {
  jp: { country: 'JP', types: ['public', 'bank'] },
  us: { country: 'US', types: ['public'] },
};

/**
 * Both calendars' holidays for these years, worked out once from date-holidays' rules and kept in
 * `market-holidays.json` (a test checks every year against the rules, and rewrites the file when
 * asked to). date-holidays carries every country's rules: loading it takes about 350 ms of the event
 * loop and 20 MB that stay, where the table takes a millisecond. Years outside it use the rules.
 */
export interface HolidayTable {
  readonly from: number;
  readonly to: number;
  readonly holidays: Readonly<Record<MarketCalendar, Readonly<Record<IsoDate, string>>>>;
}

export const HOLIDAY_TABLE_FILE = new URL('./market-holidays.json', import.meta.url);

let table: HolidayTable | undefined;
const byYear = new Map<string, ReadonlyMap<IsoDate, string>>();

/** The holiday's name when `date` is a market holiday in `calendar`, otherwise undefined. */
export function marketHoliday(calendar: MarketCalendar, date: IsoDate): string | undefined {
  const year = Number(date.slice(0, 4));
  table ??= JSON.parse(readFileSync(HOLIDAY_TABLE_FILE, 'utf8')) as HolidayTable;
  if (year >= table.from && year <= table.to) return table.holidays[calendar][date];
  return holidaysFromRules(calendar, year).get(date);
}

let holidaysClass: typeof Holidays | undefined;

/** A year's holidays in `calendar`, worked out by date-holidays from its rules. */
export function holidaysFromRules(calendar: MarketCalendar, year: number): ReadonlyMap<IsoDate, string> {
  const key = `${calendar}:${year}`;
  const cached = byYear.get(key);
  if (cached) return cached;
  const { country, types } = CALENDARS[calendar];
  holidaysClass ??= createRequire(import.meta.url)('date-holidays') as typeof Holidays;
  const holidays = new holidaysClass(country, { types: [...types] });
  const dates = new Map<IsoDate, string>();
  // `date` is the local calendar date ("2026-05-04 00:00:00"): no zone arithmetic needed.
  for (const holiday of holidays.getHolidays(year, 'en')) {
    if (types.includes(holiday.type)) dates.set(holiday.date.slice(0, 10), holiday.name);
  }
  byYear.set(key, dates);
  return dates;
}
