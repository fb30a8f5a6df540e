import { analyseLevel, curveSpreads, SPREADS, tenorSeries } from '../domain/analytics.ts';
import { addDays, dateInZone } from '../domain/dates.ts';
import { isQuoteOutdated } from '../domain/freshness.ts';
import {
  ASSET_INFO,
  ASSETS,
  type Asset,
  type Market,
  TENORS_BY_MARKET,
  type Tenor,
} from '../domain/instruments.ts';
import { isCurveOutdated } from '../market/curve-freshness.ts';
import type { BriefFormat } from './brief-format.ts';
import type { BriefStrings } from './brief-strings.ts';
import type { Part, Snapshot } from './snapshot.ts';

/**
 * What a template's `{{…}}` fields read: preformatted strings and booleans only, no functions, so a
 * template can show figures but never compute or run anything. Every key is present whether or not
 * its source answered (`ok` says which), which also lets template loading reject unknown fields.
 */
export interface BriefView {
  readonly date: {
    readonly long: string;
    readonly short: string;
    readonly weekday: string;
    readonly iso: string;
  };
  /** The time the data was taken, in the channel's zone; empty for a replay. */
  readonly time: string;
  readonly replay: boolean;
  readonly jgb: CurveView;
  readonly ust: CurveView;
  readonly gold: QuoteView;
  readonly silver: QuoteView;
  readonly wti: QuoteView;
  readonly brent: QuoteView;
  readonly xrp: QuoteView;
  readonly btc: QuoteView;
  readonly usdjpy: QuoteView;
  readonly watch: WatchView;
}

interface Availability {
  /** A current figure is there. False when the source failed, or when the figure is out of date. */
  readonly ok: boolean;
  /** Why there is no current figure, in the brief's language; empty when `ok`. */
  readonly missing: string;
  /** Older than the source's normal cycle, or the last refresh failed: shown only marked as stale. */
  readonly stale: boolean;
}

export interface TenorView {
  /** A current figure: false when the source failed or the curve is out of date. */
  readonly ok: boolean;
  readonly name: string;
  readonly level: string;
  readonly change: string;
  readonly up: boolean;
  readonly down: boolean;
  /** The move in standard deviations, only when it is 3 or more (PRODUCT.md). */
  readonly sigma: string;
  /** Highest or lowest since a date at least 90 days back, or a record: `since` is that date. */
  readonly since: string;
  /** The same as words ("highest since Feb 5, 1999"), empty when there is nothing to say. */
  readonly note: string;
  readonly highest: boolean;
  readonly lowest: boolean;
  readonly record: boolean;
}

export interface SpreadView {
  readonly ok: boolean;
  readonly name: string;
  readonly level: string;
  readonly change: string;
}

export type CurveView = Availability & {
  readonly name: string;
  readonly date: string;
  readonly source: string;
} & Readonly<Record<string, TenorView | SpreadView | string | boolean>>;

export interface QuoteView extends Availability {
  readonly name: string;
  readonly last: string;
  readonly change: string;
  readonly up: boolean;
  readonly down: boolean;
  readonly asOf: string;
  readonly kind: string;
  readonly source: string;
}

export interface WatchView extends Omit<TenorView, 'name'> {
  readonly name: string;
}

/** A "highest since" note is worth showing only when the stretch is long (as `/yield` does). */
const EXTREME_MIN_DAYS = 90;
const SIGMA_SHOWN_FROM = 3;
const YIELD_DECIMALS: Readonly<Record<Market, number>> = { jp: 3, us: 2 };

/** Template field names for tenors: `1.5m` would read as a path, so dots become underscores. */
export function tenorKey(tenor: Tenor): string {
  return tenor.replace('.', '_');
}

export function buildBriefView(
  snapshot: Snapshot,
  format: BriefFormat,
  strings: BriefStrings,
  sigmaWindowDays: number,
): BriefView {
  const day = snapshot.asOf ?? dateInZone(snapshot.takenAt, format.timeZone);
  const jgb = curveView(snapshot, 'jp', format, strings, sigmaWindowDays);
  const ust = curveView(snapshot, 'us', format, strings, sigmaWindowDays);
  const quotes = Object.fromEntries(
    ASSETS.map((asset) => [asset, quoteView(snapshot, asset, format, strings)]),
  ) as Record<Asset, QuoteView>;
  return {
    date: { long: format.longDate(day), short: format.date(day), weekday: format.weekday(day), iso: day },
    time: snapshot.asOf === undefined ? format.time(snapshot.takenAt) : '',
    replay: snapshot.asOf !== undefined,
    jgb: jgb.view,
    ust: ust.view,
    ...quotes,
    watch: pickWatch([...jgb.moves, ...ust.moves]),
  };
}

export function missingText(part: Part<unknown>, strings: BriefStrings): string {
  if (part.ok) return '';
  return part.cause === 'past-date' ? strings.notForPastDates : strings.unavailable;
}

interface Move {
  readonly view: TenorView;
  readonly sigma: number;
  readonly bp: number;
  readonly name: string;
}

function curveView(
  snapshot: Snapshot,
  market: Market,
  format: BriefFormat,
  strings: BriefStrings,
  sigmaWindowDays: number,
): { view: CurveView; moves: Move[] } {
  const part = snapshot.curves[market];
  const history = part.ok ? part.value.value : undefined;
  const last = history?.rows.at(-1);
  const previous = history?.rows.at(-2);
  // An outdated curve keeps its figures for templates that show them as such, but is not `ok`:
  // a stale figure must never read as today's.
  const outdated = last !== undefined && isCurveOutdated(market, last.date, snapshot.takenAt);
  const current = last !== undefined && !outdated;
  const fields: Record<string, TenorView | SpreadView> = {};
  const moves: Move[] = [];
  for (const tenor of TENORS_BY_MARKET[market]) {
    const name = strings.tenor(tenor);
    const series = history ? tenorSeries(history, tenor) : [];
    const latest = series.at(-1);
    // A tenor that stopped being published is not today's figure.
    if (!history || !last || latest?.date !== last.date) {
      fields[tenorKey(tenor)] = emptyTenor(name);
      continue;
    }
    const analysis = analyseLevel(series, series.length - 1, sigmaWindowDays);
    const extreme = [analysis.highest, analysis.lowest].find(
      (e) => (e.record && history.complete) || (!e.record && e.since < addDays(last.date, -EXTREME_MIN_DAYS)),
    );
    const bigSigma =
      analysis.sigma !== undefined && Math.abs(analysis.sigma) >= SIGMA_SHOWN_FROM
        ? analysis.sigma
        : undefined;
    const view: TenorView = {
      ok: current,
      name,
      level: format.yieldLevel(analysis.value, YIELD_DECIMALS[market]),
      change: analysis.change === undefined ? '' : format.bpChange(analysis.change),
      up: (analysis.change ?? 0) > 0,
      down: (analysis.change ?? 0) < 0,
      sigma: bigSigma === undefined ? '' : format.sigma(bigSigma),
      since: extreme ? format.date(extreme.since) : '',
      note: extreme ? strings.extreme(extreme.kind, extreme.record, format.date(extreme.since)) : '',
      highest: extreme?.kind === 'highest',
      lowest: extreme?.kind === 'lowest',
      record: extreme?.record === true,
    };
    fields[tenorKey(tenor)] = view;
    if (current)
      moves.push({
        view,
        sigma: Math.abs(bigSigma ?? 0),
        bp: Math.abs(analysis.change ?? 0),
        name: strings.marketTenor(market, tenor),
      });
  }
  const spreads = last ? curveSpreads(last, previous) : [];
  for (const { name } of SPREADS) {
    const spread = spreads.find((s) => s.name === name);
    fields[name] = spread
      ? {
          ok: current,
          name,
          level: format.bp(spread.bp),
          change: spread.changeBp === undefined ? '' : format.bp(spread.changeBp),
        }
      : { ok: false, name, level: '', change: '' };
  }
  // Availability first, so an error listing the fields reads in a sensible order.
  const view: CurveView = {
    ok: current,
    missing: current
      ? ''
      : !part.ok
        ? missingText(part, strings)
        : last
          ? strings.staleData(format.date(last.date))
          : strings.noData,
    stale: outdated || (part.ok && part.value.stale),
    name: strings.curve[market],
    date: last ? format.date(last.date) : '',
    source: part.ok ? part.value.source.name : '',
    ...fields,
  };
  return { view, moves };
}

function emptyTenor(name: string): TenorView {
  return {
    ok: false,
    name,
    level: '',
    change: '',
    up: false,
    down: false,
    sigma: '',
    since: '',
    note: '',
    highest: false,
    lowest: false,
    record: false,
  };
}

function quoteView(snapshot: Snapshot, asset: Asset, format: BriefFormat, strings: BriefStrings): QuoteView {
  const part = snapshot.quotes[asset];
  const name = strings.asset[asset];
  if (!part.ok) {
    return {
      ok: false,
      missing: missingText(part, strings),
      stale: false,
      name,
      last: '',
      change: '',
      up: false,
      down: false,
      asOf: '',
      kind: '',
      source: '',
    };
  }
  const quote = part.value.value;
  const reference = quote.reference?.price;
  const outdated = isQuoteOutdated(quote, snapshot.takenAt);
  return {
    ok: !outdated,
    missing: outdated ? strings.staleData(format.dateTime(quote.asOf)) : '',
    stale: outdated || part.value.stale,
    name,
    last: format.price(quote.price, ASSET_INFO[asset].decimals),
    change: reference === undefined ? '' : format.percentChange(reference, quote.price),
    up: reference !== undefined && quote.price > reference,
    down: reference !== undefined && quote.price < reference,
    asOf: format.dateTime(quote.asOf),
    kind: strings.kind[quote.kind],
    source: quote.source.name,
  };
}

/** The move most worth a look: the largest σ move of 3 or more, else a long-stretch extreme, else the largest bp move. */
function pickWatch(moves: readonly Move[]): WatchView {
  const score = (m: Move) => [m.sigma, m.view.since === '' ? 0 : 1, m.bp];
  const best = [...moves].sort((a, b) => compareScores(score(b), score(a)))[0];
  return best ? { ...best.view, name: best.name } : { ...emptyTenor(''), ok: false };
}

function compareScores(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i += 1) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
