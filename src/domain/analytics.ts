import { addDays, addMonths, type IsoDate, weekdaysBetween } from './dates.ts';
import type { Tenor } from './instruments.ts';
import type { CurveHistory, CurveRow } from './market-data.ts';
import { getOrCreate } from './memo.ts';

/** One value of a daily series. Series are ascending by date with unique dates. */
export interface Observation {
  readonly date: IsoDate;
  readonly value: number;
}

/**
 * The tenor's values across a curve history, skipping days it has no value. Histories are immutable
 * and a command reads the same one thousands of times, so each tenor's series is built once per history.
 */
export function tenorSeries(history: CurveHistory, tenor: Tenor): readonly Observation[] {
  const byTenor = getOrCreate(seriesCache, history, () => new Map<Tenor, readonly Observation[]>());
  return getOrCreate(byTenor, tenor, () => {
    const series: Observation[] = [];
    for (const row of history.rows) {
      const value = row.yields[tenor];
      if (value !== undefined) series.push({ date: row.date, value });
    }
    return Object.freeze(series);
  });
}

const seriesCache = new WeakMap<CurveHistory, Map<Tenor, readonly Observation[]>>();

/** Index of the last observation on or before `date`, or -1. Binary search: series are long. */
export function indexOnOrBefore(series: readonly { readonly date: IsoDate }[], date: IsoDate): number {
  let lo = 0;
  let hi = series.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const probe = series[mid];
    if (probe !== undefined && probe.date <= date) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

export interface Extreme {
  readonly kind: 'highest' | 'lowest';
  /** The most recent earlier date whose value was at least as extreme, or the series start for a record. */
  readonly since: IsoDate;
  /** No earlier value was as extreme, within the loaded history. */
  readonly record: boolean;
}

/**
 * "Highest since D": D is the most recent earlier date whose value was greater than or equal to
 * today's. If there is none, the value is a record and D is the series start. Likewise for lowest.
 */
export function extremeSince(series: readonly Observation[], index: number, kind: Extreme['kind']): Extreme {
  const today = series[index];
  const start = series[0];
  if (today === undefined || start === undefined) throw new RangeError('index outside the series');
  for (let i = index - 1; i >= 0; i -= 1) {
    const earlier = series[i];
    if (earlier === undefined) continue;
    const asExtreme = kind === 'highest' ? earlier.value >= today.value : earlier.value <= today.value;
    if (asExtreme) return { kind, since: earlier.date, record: false };
  }
  return { kind, since: start.date, record: true };
}

/**
 * The most calendar days a comparison may reach back past the date it asks for. Missing values are
 * skipped, so the previous value is normally the previous business day's, and a market closure
 * (Japan's ten days of Golden Week in 2019) stays within this. A longer gap is missing data, such
 * as the MOF's 1–3Y columns from 1978 to 1980: a "daily" change across it would be years of moves.
 */
export const MAX_GAP_DAYS = 14;

/** Whether `earlier` is close enough to `date` to stand for it in a comparison. */
function nearEnough(earlier: Observation | undefined, date: IsoDate): earlier is Observation {
  return earlier !== undefined && Date.parse(date) - Date.parse(earlier.date) <= MAX_GAP_DAYS * 86_400_000;
}

/**
 * Today's change divided by the sample standard deviation of the previous `window` daily changes
 * (missing values skipped; a change across a gap longer than `MAX_GAP_DAYS` is not a daily change
 * and is left out). Undefined when fewer than half the window is available or the deviation is
 * zero, because a sigma figure from a handful of points would mislead.
 */
export function sigmaMove(series: readonly Observation[], index: number, window: number): number | undefined {
  const today = series[index];
  const previous = series[index - 1];
  if (today === undefined || !nearEnough(previous, today.date)) return undefined;
  const first = Math.max(1, index - window);
  const changes: number[] = [];
  for (let i = first; i < index; i += 1) {
    const a = series[i - 1];
    const b = series[i];
    if (b !== undefined && nearEnough(a, b.date)) changes.push(b.value - a.value);
  }
  if (changes.length < Math.ceil(window / 2)) return undefined;
  const mean = changes.reduce((sum, c) => sum + c, 0) / changes.length;
  const variance = changes.reduce((sum, c) => sum + (c - mean) ** 2, 0) / (changes.length - 1);
  const deviation = Math.sqrt(variance);
  if (!(deviation > 0)) return undefined;
  return (today.value - previous.value) / deviation;
}

export interface LevelAnalysis {
  readonly date: IsoDate;
  readonly value: number;
  readonly previous?: Observation;
  /** Change vs the previous business day with a value, in the series' unit. */
  readonly change?: number;
  readonly weekAgo?: Observation;
  readonly changeWeek?: number;
  readonly monthAgo?: Observation;
  readonly changeMonth?: number;
  readonly highest: Extreme;
  readonly lowest: Extreme;
  readonly sigma?: number;
}

/**
 * Everything PRODUCT.md defines for one series at one observation. Series are immutable and the same
 * question is asked on every warm `/yield`, so answers are kept per series (a record value scans the
 * whole history for "highest since").
 */
export function analyseLevel(
  series: readonly Observation[],
  index: number,
  sigmaWindow: number,
): LevelAnalysis {
  const answers = getOrCreate(analysisCache, series, () => new Map<string, LevelAnalysis>());
  return getOrCreate(answers, `${index}:${sigmaWindow}`, () => computeLevel(series, index, sigmaWindow));
}

const analysisCache = new WeakMap<readonly Observation[], Map<string, LevelAnalysis>>();

function computeLevel(series: readonly Observation[], index: number, sigmaWindow: number): LevelAnalysis {
  const today = series[index];
  if (today === undefined) throw new RangeError('index outside the series');
  // Each comparison only with a value near the date it asks for: none across a gap in the data.
  const previous = series[index - 1];
  const weekTarget = addDays(today.date, -7);
  const weekAgo = series[indexOnOrBefore(series, weekTarget)];
  const monthTarget = addMonths(today.date, -1);
  const monthAgo = series[indexOnOrBefore(series, monthTarget)];
  const sigma = sigmaMove(series, index, sigmaWindow);
  return {
    date: today.date,
    value: today.value,
    ...(nearEnough(previous, today.date) ? { previous, change: today.value - previous.value } : {}),
    ...(nearEnough(weekAgo, weekTarget) ? { weekAgo, changeWeek: today.value - weekAgo.value } : {}),
    ...(nearEnough(monthAgo, monthTarget) ? { monthAgo, changeMonth: today.value - monthAgo.value } : {}),
    highest: extremeSince(series, index, 'highest'),
    lowest: extremeSince(series, index, 'lowest'),
    ...(sigma === undefined ? {} : { sigma }),
  };
}

/** Yield differences in basis points. Percent to bp is ×100, rounded to kill binary noise. */
export function toBp(percentPoints: number): number {
  return Math.round(percentPoints * 10_000) / 100;
}

export const SPREADS = [
  { name: '2s10s', short: '2y', long: '10y' },
  { name: '10s30s', short: '10y', long: '30y' },
  { name: '30s40s', short: '30y', long: '40y' },
] as const satisfies readonly { name: string; short: Tenor; long: Tenor }[];

export interface SpreadValue {
  readonly name: string;
  /** Long minus short, in bp. */
  readonly bp: number;
  /** Change in the spread vs the previous row, in bp. */
  readonly changeBp?: number;
}

/** Key spreads of one curve row, each with its change vs the previous row where both exist. */
export function curveSpreads(row: CurveRow, previousRow?: CurveRow): SpreadValue[] {
  const spreads: SpreadValue[] = [];
  for (const { name, short, long } of SPREADS) {
    const a = row.yields[short];
    const b = row.yields[long];
    if (a === undefined || b === undefined) continue;
    const bp = toBp(b - a);
    const pa = previousRow?.yields[short];
    const pb = previousRow?.yields[long];
    const changeBp =
      pa === undefined || pb === undefined ? undefined : Math.round((bp - toBp(pb - pa)) * 100) / 100;
    spreads.push(changeBp === undefined ? { name, bp } : { name, bp, changeBp });
  }
  return spreads;
}

/** The row for `date` (or the last before it), and the row before that. */
export function rowOnOrBefore(history: CurveHistory, date: IsoDate): { row?: CurveRow; previous?: CurveRow } {
  const rows = history.rows;
  const found = indexOnOrBefore(rows, date);
  const row = rows[found];
  const previous = rows[found - 1];
  return { ...(row ? { row } : {}), ...(previous ? { previous } : {}) };
}

/**
 * A recorded close more weekdays back than this is no measure of a daily change (the bot was down);
 * three covers a long weekend such as Good Friday to Easter Monday.
 */
export const RECORDED_REFERENCE_MAX_WEEKDAYS = 3;

/** Where a recorded close came from: the source's id and, for a futures symbol, the contract. */
export interface CloseOrigin {
  readonly source: string;
  readonly contract?: string | undefined;
}

/** What a recorded close keeps of the quote it came from. */
export function originOf(quote: {
  readonly source: { readonly id: string };
  readonly contract?: string;
}): CloseOrigin {
  return quote.contract === undefined
    ? { source: quote.source.id }
    : { source: quote.source.id, contract: quote.contract };
}

/** A price's close as briefbot recorded it; closes recorded before origins were kept have none. */
export interface RecordedClose extends Observation, Partial<CloseOrigin> {}

/**
 * Whether a recorded close is like for like with a quote: the same source and futures contract.
 * Closes recorded before briefbot kept their origin count as the quote's own: they were the only
 * history there was, and treating them otherwise would blank every price's σ and sparkline for a
 * month after the upgrade.
 */
export function sameOrigin(
  close: RecordedClose,
  quote: Pick<QuoteForChange, 'source' | 'contract'>,
): boolean {
  return (
    close.source === undefined || (close.source === quote.source.id && close.contract === quote.contract)
  );
}

/**
 * The other contract the source named on either of the last two days briefbot recorded a close
 * from it, if any. Two days, because closes are kept by UTC date (the last one of the day wins) and
 * a futures session opens the evening before its date: the day before a roll can already hold the
 * new contract while the source's previous bar is still the old one's. A roll is then seen for a
 * day or two; the change is withheld rather than shown across it.
 */
function contractBefore(
  quote: Pick<QuoteForChange, 'source' | 'contract'>,
  closes: readonly RecordedClose[],
  date: IsoDate,
): string | undefined {
  let days = 0;
  for (let i = closes.length - 1; i >= 0 && days < 2; i -= 1) {
    const close = closes[i];
    if (close === undefined || close.date >= date || close.source !== quote.source.id) continue;
    if (weekdaysBetween(close.date, date) > RECORDED_REFERENCE_MAX_WEEKDAYS) break;
    days += 1;
    if (close.contract !== undefined && close.contract !== quote.contract) return close.contract;
  }
  return undefined;
}

/** What a price's daily change is measured from, or why no change is shown. */
export type ChangeBasis =
  | { readonly price: number; readonly label: string }
  | {
      readonly withheld: string;
      /** Set when the reason is a futures roll: the contracts before and after it. */
      readonly roll?: { readonly from: string; readonly to: string };
    };

/** The parts of a quote its change depends on. */
export interface QuoteForChange {
  readonly price: number;
  readonly asOf: Date;
  readonly reference?: { readonly price: number; readonly label: string } | undefined;
  readonly source: { readonly id: string };
  readonly contract?: string | undefined;
}

/**
 * What a quote's daily change is measured from, like for like or not at all:
 * - The source's own reference (its previous close, or Kraken's 00:00 UTC open), unless the futures
 *   contract behind the symbol has rolled since the last close briefbot recorded from that source:
 *   the source's previous bar is then the old contract's, and the gap between them is the calendar
 *   spread, not a move.
 * - Otherwise the last close briefbot recorded on an earlier UTC day (closes are kept by the quote's
 *   UTC date), at most `RECORDED_REFERENCE_MAX_WEEKDAYS` weekdays back, if it came from the same
 *   source and contract: a futures close against a spot price, or one source's price against
 *   another's, is a basis, not a change.
 */
export function changeBasis(quote: QuoteForChange, closes: readonly RecordedClose[]): ChangeBasis {
  const date = quote.asOf.toISOString().slice(0, 10);
  let previous: RecordedClose | undefined;
  for (let i = closes.length - 1; i >= 0 && previous === undefined; i -= 1) {
    const close = closes[i];
    if (close !== undefined && close.date < date) previous = close;
  }
  if (previous !== undefined && weekdaysBetween(previous.date, date) > RECORDED_REFERENCE_MAX_WEEKDAYS) {
    previous = undefined;
  }
  const rolledFrom = quote.contract === undefined ? undefined : contractBefore(quote, closes, date);
  if (rolledFrom !== undefined && quote.contract !== undefined) {
    return {
      withheld: `the front-month contract rolled from ${rolledFrom} to ${quote.contract}, so the previous close is another contract's`,
      roll: { from: rolledFrom, to: quote.contract },
    };
  }
  if (quote.reference) return quote.reference;
  if (previous === undefined) {
    return {
      withheld: `the source gives no previous close, and briefbot recorded none in the last ${RECORDED_REFERENCE_MAX_WEEKDAYS} weekdays`,
    };
  }
  if (!sameOrigin(previous, quote)) {
    const from = previous.source ?? 'another source';
    const what = previous.contract === undefined ? from : `${from} (${previous.contract})`;
    return {
      withheld: `the source gives no previous close, and the last price recorded (${previous.date}, UTC) came from ${what}: not like for like`,
    };
  }
  return { price: previous.value, label: `the last price recorded on ${previous.date} (UTC)` };
}
