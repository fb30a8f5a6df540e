import {
  indexOnOrBefore,
  type Observation,
  type RecordedClose,
  rowOnOrBefore,
  sameOrigin,
} from '../domain/analytics.ts';
import { addDays, addMonths, type IsoDate } from '../domain/dates.ts';
import type { Asset, Market } from '../domain/instruments.ts';
import type { CurveRow, SourceRef } from '../domain/market-data.ts';
import type { BriefTemplate, ChartPeriod, SectionSpec } from './brief-template.ts';
import type { Snapshot } from './snapshot.ts';

/**
 * The pictures a template asks for, and what each shows. Drawing them is slow and asynchronous
 * (`render-brief-charts.ts`), composing a brief is neither: charts are drawn first, once per
 * snapshot, and handed to `composeBrief` as `BriefCharts`, which places each one and writes its alt
 * text in the reader's language from the figures kept here.
 */
export type BriefChartRequest =
  | { readonly kind: 'curve'; readonly market: Market; readonly vs: ChartPeriod }
  | { readonly kind: 'sparklines'; readonly assets: readonly Asset[]; readonly days: number };

/** The bytes and size of a drawn chart, under the file name it is uploaded as. */
export interface ChartPicture {
  readonly name: string;
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
}

/** A curve chart: `today` against `past`, both as the source published them. */
export interface CurveChart extends ChartPicture {
  readonly kind: 'curve';
  readonly market: Market;
  readonly today: CurveRow;
  readonly past: CurveRow;
  readonly source: SourceRef;
}

/** One image with a sparkline per price that has at least two recorded days. */
export interface SparklinesChart extends ChartPicture {
  readonly kind: 'sparklines';
  /** The window asked for, in calendar days. */
  readonly days: number;
  readonly trails: readonly PriceTrail[];
}

/** A price's daily closes over the window, oldest first, ending with the figure the brief shows. */
export interface PriceTrail {
  readonly asset: Asset;
  readonly points: readonly Observation[];
  readonly source: SourceRef;
}

export type BriefChart = CurveChart | SparklinesChart;

/** Drawn charts by `chartKey`; a chart that failed to draw is simply absent. */
export type BriefCharts = ReadonlyMap<string, BriefChart>;

/** A price needs this many days for a line; with fewer it is left out of the sparklines. */
export const MIN_TRAIL_POINTS = 2;

/** What a section asks to have drawn, if anything. */
export function chartRequestOf(section: SectionSpec): BriefChartRequest | undefined {
  switch (section.section) {
    case 'jgb-curve':
      return section.chart ? { kind: 'curve', market: 'jp', vs: section.chart } : undefined;
    case 'ust-curve':
      return section.chart ? { kind: 'curve', market: 'us', vs: section.chart } : undefined;
    case 'prices':
      return section.sparklineDays === undefined
        ? undefined
        : { kind: 'sparklines', assets: section.assets, days: section.sparklineDays };
    case 'headlines':
      return undefined;
  }
}

/** Every chart the template asks for, each once. */
export function chartRequests(template: BriefTemplate): BriefChartRequest[] {
  const requests = new Map<string, BriefChartRequest>();
  for (const block of template.blocks) {
    if (block.kind !== 'section') continue;
    const request = chartRequestOf(block);
    if (request) requests.set(chartKey(request), request);
  }
  return [...requests.values()];
}

export function chartKey(request: BriefChartRequest): string {
  return request.kind === 'curve'
    ? `curve:${request.market}:${request.vs}`
    : `sparklines:${request.assets.join(',')}:${request.days}`;
}

/**
 * The snapshot's latest curve and the one `vs` before it (the last published on or before that
 * date), as `/curve vs 1w` picks them. Undefined when the curve is missing or has no earlier row.
 */
export function curveComparison(
  snapshot: Snapshot,
  market: Market,
  vs: ChartPeriod,
): { today: CurveRow; past: CurveRow; source: SourceRef } | undefined {
  const part = snapshot.curves[market];
  if (!part.ok) return undefined;
  const history = part.value.value;
  const today = history.rows.at(-1);
  if (!today) return undefined;
  const { row: past } = rowOnOrBefore(history, periodBefore(today.date, vs));
  if (!past || past.date >= today.date) return undefined;
  return { today, past, source: part.value.source };
}

function periodBefore(date: IsoDate, vs: ChartPeriod): IsoDate {
  switch (vs) {
    case '1d':
      return addDays(date, -1);
    case '1w':
      return addDays(date, -7);
    case '1m':
      return addMonths(date, -1);
    case '1y':
      return addMonths(date, -12);
  }
}

/**
 * A price's last `days` calendar days of recorded daily closes, ending with the snapshot's quote
 * (which replaces that day's recorded close), so the line ends at the figure the table shows. No
 * quote (its source is down, or a replay has none): no trail, rather than a line that ends on a
 * price the brief does not show. Undefined when fewer than two days remain.
 */
export function priceTrail(
  snapshot: Snapshot,
  asset: Asset,
  recorded: readonly RecordedClose[],
  days: number,
): PriceTrail | undefined {
  const part = snapshot.quotes[asset];
  if (!part.ok) return undefined;
  const quote = part.value.value;
  const end = quote.asOf.toISOString().slice(0, 10);
  // One line per source and contract: a day served by a fallback (futures for spot) or a roll
  // would draw a jump that is not a move.
  const sorted = recorded
    .filter((close) => sameOrigin(close, quote))
    .sort((a, b) => a.date.localeCompare(b.date));
  const before = sorted.slice(0, indexOnOrBefore(sorted, addDays(end, -1)) + 1);
  const first = addDays(end, 1 - days);
  const points = [
    ...before.filter((p) => p.date >= first && Number.isFinite(p.value)),
    { date: end, value: quote.price },
  ];
  return points.length < MIN_TRAIL_POINTS ? undefined : { asset, points, source: part.value.source };
}
