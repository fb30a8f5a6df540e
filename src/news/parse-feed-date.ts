// The feed library dates items with `new Date(text)`. That copes with both forms seen in real feeds
// (`Sun, 08 Mar 2026 22:16 GMT` without seconds, `-0400` offsets), but a date with no zone is read in
// the server's local time zone: a silently wrong instant. So dates are parsed here, strictly, and a
// date whose zone is not stated is left undated rather than guessed.

const RFC_822 =
  /^(?:[a-z]{3,9},?\s+)?(\d{1,2})\s+([a-z]{3,9})\.?\s+(\d{4}|\d{2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([a-z]{1,4}|[+-]\d{2}:?\d{2})$/i;

const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})[t ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(z|[+-]\d{2}:?\d{2})$/i;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Zone names in minutes east of UTC: RFC 822's own, plus the few that Asian and European feeds use. */
const ZONE_OFFSET_MINUTES: Readonly<Record<string, number>> = {
  gmt: 0,
  ut: 0,
  utc: 0,
  z: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  jst: 540,
  kst: 540,
  cet: 60,
  cest: 120,
};

/**
 * Parses an RSS (RFC 822, seconds optional) or Atom (RFC 3339) date. Returns undefined for anything
 * else, including a well-formed date without a zone.
 */
export function parseFeedDate(text: string): Date | undefined {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  const rfc = RFC_822.exec(trimmed);
  if (rfc) {
    const [, day, monthName, yearText, hour, minute, second, zone] = rfc;
    const month = MONTHS.indexOf((monthName ?? '').slice(0, 3).toLowerCase());
    const shortYear = Number(yearText);
    // RFC 822 allowed two-digit years; RFC 1123 made them four. Feeds from this century only.
    const year = (yearText ?? '').length === 2 ? 2000 + shortYear : shortYear;
    return instant(year, month, Number(day), Number(hour), Number(minute), Number(second ?? 0), zone);
  }
  const iso = ISO_8601.exec(trimmed);
  if (iso) {
    const [, year, month, day, hour, minute, second, zone] = iso;
    return instant(
      Number(year),
      Number(month) - 1,
      Number(day),
      Number(hour),
      Number(minute),
      Number(second ?? 0),
      zone,
    );
  }
  return undefined;
}

function instant(
  year: number,
  monthIndex: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  zone: string | undefined,
): Date | undefined {
  const offset = zoneOffsetMinutes(zone ?? '');
  if (offset === undefined || monthIndex < 0 || hour > 23 || minute > 59 || second > 60) return undefined;
  const wall = Date.UTC(year, monthIndex, day, hour, minute, Math.min(second, 59));
  const check = new Date(wall);
  // Date.UTC rolls 31 Feb over into March; a date that does not exist is not a date.
  if (check.getUTCMonth() !== monthIndex || check.getUTCDate() !== day) return undefined;
  return new Date(wall - offset * 60_000);
}

function zoneOffsetMinutes(zone: string): number | undefined {
  const numeric = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (numeric) {
    const [, sign, hours, minutes] = numeric;
    const size = Number(hours) * 60 + Number(minutes);
    if (Number(minutes) > 59 || size > 14 * 60) return undefined;
    return sign === '-' ? -size : size;
  }
  return ZONE_OFFSET_MINUTES[zone.toLowerCase()];
}
