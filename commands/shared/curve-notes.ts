import type { FooterNote } from '../../src/domain/document.ts';
import { formatInstant } from '../../src/domain/format.ts';
import type { Market } from '../../src/domain/instruments.ts';
import type { CurveHistory } from '../../src/domain/market-data.ts';
import { isCurveOutdated } from '../../src/market/curve-freshness.ts';
import type { Sourced } from '../../src/market/market-service.ts';

export const MARKET_LABEL: Readonly<Record<Market, string>> = { jp: 'JGB', us: 'UST' };

/** MOF publishes three decimals, the Treasury two; showing more would invent precision. */
export const YIELD_DECIMALS: Readonly<Record<Market, number>> = { jp: 3, us: 2 };

const SERIES_NOTE: Readonly<Record<Market, string>> = {
  jp: 'official end-of-day benchmark yields (not intraday quotes)',
  us: 'official end-of-day par yield curve',
};

/**
 * The footer every curve figure carries: source, kind of series, as-of date, and a warning when the
 * data is older than it should be or the last refresh failed. `now` is omitted for historical replies.
 */
export function curveFooter(
  market: Market,
  curve: Sourced<CurveHistory>,
  asOf: string,
  now?: Date,
): FooterNote[] {
  const notes: FooterNote[] = [
    { text: `Source: ${curve.source.name}, ${SERIES_NOTE[market]} · as of ${asOf}` },
  ];
  const latest = curve.value.rows.at(-1)?.date;
  if (now && latest && isCurveOutdated(market, latest, now)) {
    notes.push({
      text: `Stale: the latest published date is ${latest}; newer data has not arrived.`,
      warning: true,
    });
  }
  if (curve.stale) {
    notes.push({
      text: `Stale: the last refresh failed; showing data fetched ${formatInstant(curve.fetchedAt)}.`,
      warning: true,
    });
  }
  return notes;
}
