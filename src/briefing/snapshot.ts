import type { PriceHistory } from '../alerts/observe-subject.ts';
import { changeBasis, indexOnOrBefore } from '../domain/analytics.ts';
import type { IsoDate } from '../domain/dates.ts';
import { ASSETS, type Asset, type Market } from '../domain/instruments.ts';
import type { CurveHistory, Quote } from '../domain/market-data.ts';
import { errorMessage } from '../errors.ts';
import type { HeadlineSet, MarketService, ReadOptions, Sourced } from '../market/market-service.ts';

/** One part of a snapshot: the value, or why it is missing. A failed part degrades one section only. */
export type Part<T> =
  | { readonly ok: true; readonly value: Sourced<T> }
  | {
      readonly ok: false;
      readonly reason: string;
      /** Absent or `source-failed`: the source did not answer. `past-date`: a replay with no history for it. */
      readonly cause?: 'source-failed' | 'past-date';
    };

/** Everything a briefing shows, fetched once per briefing run however many channels receive it. */
export interface Snapshot {
  readonly takenAt: Date;
  readonly curves: Readonly<Record<Market, Part<CurveHistory>>>;
  /**
   * Each quote's `reference` is what its change is measured from, like for like (see `changeBasis`):
   * with recorded closes, a close of the same source stands in where the source gives none, and a
   * reference across a futures roll is taken away.
   */
  readonly quotes: Readonly<Record<Asset, Part<Quote>>>;
  /** Prices whose source's previous close was not used because the futures contract rolled. */
  readonly rolls?: Readonly<Partial<Record<Asset, { readonly from: string; readonly to: string }>>>;
  readonly headlines: Part<HeadlineSet>;
  /** Set when the snapshot replays a past day (`briefbot brief --as-of`). */
  readonly asOf?: IsoDate;
}

/**
 * Every part read now; `read` says whether a part whose source is failing waits for a refresh.
 * With `closes` (the daily closes `serve` records), each price's change is measured as `/price`
 * measures it.
 */
export async function takeSnapshot(
  market: MarketService,
  now: () => Date,
  read?: ReadOptions,
  closes?: Pick<PriceHistory, 'series'>,
): Promise<Snapshot> {
  const [jp, us, headlines, ...quotes] = await Promise.all([
    part(market.curve('jp', read)),
    part(market.curve('us', read)),
    part(market.headlines(read)),
    ...ASSETS.map((asset) => part(market.quote(asset, read))),
  ]);
  const byAsset = Object.fromEntries(ASSETS.map((asset, i) => [asset, quotes[i]])) as Record<
    Asset,
    Part<Quote>
  >;
  const rolls: Partial<Record<Asset, { from: string; to: string }>> = {};
  if (closes) {
    await Promise.all(
      ASSETS.map(async (asset) => {
        const found = byAsset[asset];
        if (!found.ok) return;
        let series: Awaited<ReturnType<PriceHistory['series']>>;
        try {
          series = await closes.series(asset);
        } catch {
          return; // Without the closes, the source's own change is shown, as without a store.
        }
        const quote = found.value.value;
        const basis = changeBasis(quote, series);
        const { reference: _sourceReference, ...withoutReference } = quote;
        const measured: Quote = 'price' in basis ? { ...quote, reference: basis } : withoutReference;
        if (!('price' in basis) && basis.roll) rolls[asset] = basis.roll;
        byAsset[asset] = { ok: true, value: { ...found.value, value: measured } };
      }),
    );
  }
  return {
    takenAt: now(),
    curves: { jp, us },
    quotes: byAsset,
    headlines,
    ...(Object.keys(rolls).length > 0 ? { rolls } : {}),
  };
}

/**
 * Prices and headlines as they were on a past day. No source keeps them, so only a history store
 * can answer; until one is wired (issue 6), a replay says they are not available for past dates.
 */
export interface PastMarketData {
  quoteOn(asset: Asset, date: IsoDate): Promise<Sourced<Quote> | undefined>;
  headlinesOn(date: IsoDate): Promise<Sourced<HeadlineSet> | undefined>;
}

/**
 * A snapshot of `asOf` as it looked at the end of that day: each curve cut at its last row on or
 * before the date (the MOF history goes back to 1974), prices and headlines from `past` when given.
 */
export async function takeSnapshotAsOf(
  market: MarketService,
  asOf: IsoDate,
  past?: PastMarketData,
): Promise<Snapshot> {
  const [jp, us, headlines, ...quotes] = await Promise.all([
    part(market.curve('jp').then((c) => curveUpTo(c, asOf))),
    part(market.curve('us').then((c) => curveUpTo(c, asOf))),
    pastPart(past ? () => past.headlinesOn(asOf) : undefined),
    ...ASSETS.map((asset) => pastPart(past ? () => past.quoteOn(asset, asOf) : undefined)),
  ]);
  const byAsset = Object.fromEntries(ASSETS.map((asset, i) => [asset, quotes[i]])) as Record<
    Asset,
    Part<Quote>
  >;
  // The end of the day everywhere a market closes, so staleness is judged as it would have been then.
  const takenAt = new Date(`${asOf}T23:59:59Z`);
  return { takenAt, curves: { jp, us }, quotes: byAsset, headlines, asOf };
}

/** The history as it stood at the end of `date`: rows on or before it. */
export function curveUpTo(curve: Sourced<CurveHistory>, date: IsoDate): Sourced<CurveHistory> {
  const rows = curve.value.rows;
  const last = indexOnOrBefore(rows, date);
  if (last === rows.length - 1) return curve;
  // Later rows prove the source had published everything up to the date: the cut is not stale.
  return { ...curve, value: { ...curve.value, rows: rows.slice(0, last + 1) }, stale: false };
}

async function pastPart<T>(read?: () => Promise<Sourced<T> | undefined>): Promise<Part<T>> {
  const missing = { ok: false, reason: 'not available for past dates', cause: 'past-date' } as const;
  if (!read) return missing;
  try {
    const value = await read();
    return value ? { ok: true, value } : missing;
  } catch (error) {
    return { ok: false, reason: errorMessage(error) };
  }
}

async function part<T>(promise: Promise<Sourced<T>>): Promise<Part<T>> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, reason: errorMessage(error) };
  }
}
