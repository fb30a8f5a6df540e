import { formatBpChange } from '../domain/format.ts';
import { type Market, TENORS_BY_MARKET } from '../domain/instruments.ts';
import type { CurveRow, SourceRef } from '../domain/market-data.ts';
import { tenorLabel } from './tenor-labels.ts';
import { textWidthPx } from './text-width.ts';

export const MARKET_TITLE: Readonly<Record<Market, string>> = { jp: 'JGB', us: 'US Treasury' };

/** MOF publishes three decimals, the Treasury two; the chart shows no more than the source. */
export const YIELD_DECIMALS: Readonly<Record<Market, number>> = { jp: 3, us: 2 };

/** The tenors the subtitle and alt text quote, most telling first, where both curves have them. */
const KEY_TENORS: Readonly<Record<Market, readonly string[]>> = {
  jp: ['10y', '30y', '40y', '2y', '5y'],
  us: ['10y', '2y', '30y', '3m'],
};

export interface KeyChange {
  readonly label: string;
  readonly now: number;
  readonly change: number;
}

/** The key tenors' levels and changes, in maturity order. */
export function keyChanges(market: Market, today: CurveRow, past: CurveRow): KeyChange[] {
  const changes: KeyChange[] = [];
  for (const tenor of TENORS_BY_MARKET[market]) {
    if (!KEY_TENORS[market].includes(tenor)) continue;
    const now = today.yields[tenor];
    const then = past.yields[tenor];
    if (now !== undefined && then !== undefined)
      changes.push({ label: tenorLabel(tenor), now, change: now - then });
  }
  return changes;
}

/**
 * "Change: 2Y +11.9 bp · 10Y +30.9 bp · …", dropping the least telling tenors until it fits in
 * `maxWidthPx` (a compact chart has room for three or four).
 */
export function changeLine(
  market: Market,
  changes: readonly KeyChange[],
  fontPx: number,
  maxWidthPx: number,
): string {
  const priority = KEY_TENORS[market];
  let kept = [...changes];
  for (;;) {
    const line = `Change: ${kept.map((c) => `${c.label} ${formatBpChange(c.change)}`).join(' · ')}`;
    if (kept.length <= 1 || textWidthPx(line, fontPx) <= maxWidthPx) return kept.length === 0 ? '' : line;
    const rank = (c: KeyChange) => priority.indexOf(c.label.toLowerCase());
    const leastTelling = kept.reduce((worst, c) => (rank(c) > rank(worst) ? c : worst));
    kept = kept.filter((c) => c !== leastTelling);
  }
}

/** What the image shows, in words: for screen readers, and for clients that show no images. */
export function altText(
  market: Market,
  today: CurveRow,
  past: CurveRow,
  source: SourceRef,
  changes: readonly KeyChange[],
): string {
  const present = TENORS_BY_MARKET[market].filter((t) => today.yields[t] !== undefined);
  const first = present[0];
  const last = present.at(-1);
  const span = first && last ? `, maturities ${tenorLabel(first)} to ${tenorLabel(last)}` : '';
  const decimals = YIELD_DECIMALS[market];
  const figures = changes
    .map((c) => `${c.label} ${c.now.toFixed(decimals)}% (${formatBpChange(c.change)})`)
    .join(', ');
  return (
    `Line chart of the ${MARKET_TITLE[market]} yield curve on ${today.date} against ${past.date}` +
    `${span}${figures ? `: ${figures}` : ''}. Source: ${source.name}.`
  );
}
