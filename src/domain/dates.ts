/** A calendar date as `YYYY-MM-DD`. Market series are keyed by the date of their market, not by instants. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Adds calendar days (negative to go back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Adds calendar months, clamping to the month's last day (2026-03-31 minus one month is 2026-02-28). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return isoDate(first.getUTCFullYear(), first.getUTCMonth() + 1, Math.min(d, lastDay));
}

/** The calendar date of an instant in an IANA time zone. */
export function dateInZone(instant: Date, timeZone: string): IsoDate {
  // A reply asks for today's date several times within the same minute. Every offset in use since
  // 1972 is a whole number of minutes, so a zone's date only changes on a minute boundary and the
  // last answer per zone stands for the rest of its minute.
  const minute = Math.floor(instant.getTime() / 60_000);
  const last = lastDateInZone.get(timeZone);
  if (last?.minute === minute) return last.date;
  const date = zoneDateFormatter(timeZone).format(instant);
  lastDateInZone.set(timeZone, { minute, date });
  return date;
}

const lastDateInZone = new Map<string, { minute: number; date: IsoDate }>();

// Building an Intl formatter costs far more than using one, and every reply asks for today's date.
const zoneDateFormatters = new Map<string, Intl.DateTimeFormat>();
function zoneDateFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = zoneDateFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    zoneDateFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whole weekdays (Mon–Fri) strictly after `from` up to and including `to`; 0 when `to` is not later. */
export function weekdaysBetween(from: IsoDate, to: IsoDate): number {
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
  if (days <= 0) return 0;
  const fullWeeks = Math.floor(days / 7);
  let count = fullWeeks * 5;
  // The remaining days, walked from the day after the last full week.
  const startDay = new Date(`${from}T00:00:00Z`).getUTCDay();
  for (let i = fullWeeks * 7 + 1; i <= days; i += 1) {
    const day = (startDay + i) % 7;
    if (day !== 0 && day !== 6) count += 1;
  }
  return count;
}
