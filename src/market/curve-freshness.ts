import { addDays, dateInZone, type IsoDate, weekdaysBetween } from '../domain/dates.ts';
import { MARKET_ZONE } from '../domain/freshness.ts';
import type { Market } from '../domain/instruments.ts';
import { marketHoliday } from './market-calendar.ts';

/**
 * An end-of-day curve is published the evening of its date, so on a normal business day the latest
 * row is today's or the previous business day's. Two business days behind allows one late
 * publication; more is stale. Weekends and the market's holidays are not business days.
 */
export const CURVE_MAX_BUSINESS_DAYS_BEHIND = 2;

/**
 * Whether a curve whose latest row is `latest` is behind its source's normal cycle at `now`. Over
 * Golden Week or New Year, several weekdays pass with nothing to publish: they do not count.
 */
export function isCurveOutdated(market: Market, latest: IsoDate, now: Date): boolean {
  const today = dateInZone(now, MARKET_ZONE[market]);
  const weekdays = weekdaysBetween(latest, today);
  if (weekdays <= CURVE_MAX_BUSINESS_DAYS_BEHIND) return false;
  // No run of holidays is this long: the curve is behind, whatever the calendar says.
  if (weekdays > CURVE_MAX_BUSINESS_DAYS_BEHIND + 10) return true;
  let businessDays = 0;
  for (let day = addDays(latest, 1); day <= today; day = addDays(day, 1)) {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6 && marketHoliday(market, day) === undefined) businessDays += 1;
  }
  return businessDays > CURVE_MAX_BUSINESS_DAYS_BEHIND;
}
