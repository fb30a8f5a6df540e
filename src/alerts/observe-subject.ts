import {
  analyseLevel,
  type CloseOrigin,
  changeBasis,
  type Extreme,
  originOf,
  type RecordedClose,
  sameOrigin,
  tenorSeries,
} from '../domain/analytics.ts';
import type { MarketService } from '../market/market-service.ts';
import type { AlertSubject } from './alert-rule.ts';
import type { AlertObservation, ObservedExtreme } from './evaluate-alert.ts';

/**
 * Daily closes of prices seen by this bot. The price sources give only a few days of history, so
 * a price "record" can only mean the highest since the bot started recording; replies say so.
 */
export interface PriceHistory {
  /** The day's close so far (the last one recorded for a date wins), with where it came from. */
  record(asset: string, date: string, price: number, origin?: CloseOrigin): Promise<void>;
  /** Oldest first. */
  series(asset: string): Promise<readonly RecordedClose[]>;
}

export function createMemoryPriceHistory(): PriceHistory {
  const byAsset = new Map<string, Map<string, RecordedClose>>();
  return {
    async record(asset, date, price, origin) {
      const series = byAsset.get(asset) ?? new Map<string, RecordedClose>();
      series.set(date, { date, value: price, ...origin });
      byAsset.set(asset, series);
    },
    async series(asset) {
      const series = byAsset.get(asset) ?? new Map<string, RecordedClose>();
      return [...series.values()].sort((a, b) => a.date.localeCompare(b.date));
    },
  };
}

/** The latest figures for an alert's subject, with the same analytics the commands show. */
export async function observeSubject(
  subject: AlertSubject,
  market: MarketService,
  prices: PriceHistory,
  sigmaWindowDays: number,
): Promise<AlertObservation | undefined> {
  if (subject.kind === 'yield') {
    const curve = await market.curve(subject.market);
    const series = tenorSeries(curve.value, subject.tenor);
    if (series.length === 0) return undefined;
    const a = analyseLevel(series, series.length - 1, sigmaWindowDays);
    const { complete } = curve.value;
    return {
      key: a.date,
      value: a.value,
      ...(a.change === undefined ? {} : { change: Math.round(a.change * 10_000) / 100 }),
      ...(a.sigma === undefined ? {} : { sigma: a.sigma }),
      highest: observedExtreme(a.highest, complete),
      lowest: observedExtreme(a.lowest, complete),
      asOf: a.date,
      source: curve.source.name,
    };
  }
  const { value: quote, source } = await market.quote(subject.asset);
  const date = quote.asOf.toISOString().slice(0, 10);
  await prices.record(subject.asset, date, quote.price, originOf(quote));
  const series = await prices.series(subject.asset);
  // σ and records over the closes of this quote's source and contract only: a switch to a fallback
  // source (spot to futures) or a roll would otherwise count as a move, or set a "record".
  const own = series.filter((close) => sameOrigin(close, quote));
  const recorded = analyseLevel(own, own.length - 1, sigmaWindowDays);
  // As /price measures it (from closes of earlier days only); none across a futures roll or
  // between two sources.
  const basis = changeBasis(quote, series);
  const change = 'price' in basis ? ((quote.price - basis.price) / basis.price) * 100 : undefined;
  return {
    // Event alerts on prices (move, sigma, record) fire at most once per day.
    key: date,
    value: quote.price,
    ...(change === undefined ? {} : { change: Math.round(change * 100) / 100 }),
    // σ of the recorded daily closes: there once about half the window's days have been recorded.
    ...(recorded.sigma === undefined ? {} : { sigma: recorded.sigma }),
    // A record needs history: with less than a day of it, nothing can be called a record.
    ...(own.length > 1 ? { highest: recorded.highest, lowest: recorded.lowest } : {}),
    asOf: quote.asOf.toISOString(),
    source: source.name,
  };
}

/** An extreme of a partly loaded history is never a series record, only at least as long as it. */
function observedExtreme(extreme: Extreme, complete: boolean): ObservedExtreme {
  if (complete || !extreme.record) return { since: extreme.since, record: extreme.record };
  return { since: extreme.since, record: false, atLeast: true };
}
