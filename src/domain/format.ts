/** Number formats a rates desk expects. ASCII signs so figures paste cleanly into a spreadsheet. */

export function signed(value: number, decimals: number): string {
  const fixed = Math.abs(value).toFixed(decimals);
  if (Number(fixed) === 0) return (0).toFixed(decimals);
  return `${value < 0 ? '-' : '+'}${fixed}`;
}

/** A yield change in percent points, shown in basis points with one decimal ("+18.0 bp"). */
export function formatBpChange(percentPoints: number): string {
  return `${signed(Math.round(percentPoints * 1000) / 10, 1)} bp`;
}

/** A yield level; MOF publishes three decimals, the Treasury two. */
export function formatYield(value: number, decimals: number): string {
  return `${value.toFixed(decimals)}%`;
}

export function formatPrice(value: number, decimals: number): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

export function formatPercentChange(from: number, to: number): string {
  return `${signed(((to - from) / from) * 100, 2)}%`;
}

export function formatSigma(sigma: number): string {
  return `${signed(sigma, 1)}σ`;
}

/** "2026-01-20 07:05 UTC" — instants are shown with their zone, never bare. */
export function formatInstant(instant: Date, timeZone = 'UTC'): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')} ${zoneAbbreviation(instant, timeZone)}`;
}

/**
 * The zone's usual abbreviation (JST, EST, BST). Each locale knows only some of them ("JST" is known
 * to ja-JP, "BST" to en-GB), so the first locale that gives letters rather than "GMT+9" wins.
 */
export function zoneAbbreviation(instant: Date, timeZone: string): string {
  let fallback = '';
  for (const locale of ZONE_LOCALES) {
    const name =
      formatter(locale, timeZone)
        .formatToParts(instant)
        .find((p) => p.type === 'timeZoneName')?.value ?? '';
    if (/^[A-Z]{2,5}$/.test(name)) return name;
    fallback ||= name;
  }
  return fallback || timeZone;
}

const ZONE_LOCALES = ['en-US', 'en-GB', 'ja-JP', 'en-AU', 'en-IN'] as const;

// Building an Intl formatter costs far more than using one; replies format many instants.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' });
    formatters.set(key, cached);
  }
  return cached;
}
