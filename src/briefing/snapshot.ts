import { ASSETS, type Asset, type Market } from '../domain/instruments.ts';
import type { CurveHistory, Quote } from '../domain/market-data.ts';
import { errorMessage } from '../errors.ts';
import type { HeadlineSet, MarketService, Sourced } from '../market/market-service.ts';

/** One part of a snapshot: the value, or why it is missing. A failed part degrades one section only. */
export type Part<T> =
  | { readonly ok: true; readonly value: Sourced<T> }
  | { readonly ok: false; readonly reason: string };

/** Everything a briefing shows, fetched once per briefing run however many channels receive it. */
export interface Snapshot {
  readonly takenAt: Date;
  readonly curves: Readonly<Record<Market, Part<CurveHistory>>>;
  readonly quotes: Readonly<Record<Asset, Part<Quote>>>;
  readonly headlines: Part<HeadlineSet>;
}

export async function takeSnapshot(market: MarketService, now: () => Date): Promise<Snapshot> {
  const [jp, us, headlines, ...quotes] = await Promise.all([
    part(market.curve('jp')),
    part(market.curve('us')),
    part(market.headlines()),
    ...ASSETS.map((asset) => part(market.quote(asset))),
  ]);
  const byAsset = Object.fromEntries(ASSETS.map((asset, i) => [asset, quotes[i]])) as Record<
    Asset,
    Part<Quote>
  >;
  return { takenAt: now(), curves: { jp, us }, quotes: byAsset, headlines };
}

async function part<T>(promise: Promise<Sourced<T>>): Promise<Part<T>> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, reason: errorMessage(error) };
  }
}
