import { ASSETS, type Asset } from '../../domain/instruments.ts';
import type { QuoteSource } from '../../domain/market-data.ts';

export const QUOTE_SOURCE_IDS = [
  'gold-api',
  'swissquote',
  'yahoo',
  'fred',
  'kraken',
  'binance',
  'coingecko',
] as const;

/** The id of each price source, as it appears in `SourceRef.id`, logs and configuration. */
export type QuoteSourceId = (typeof QUOTE_SOURCE_IDS)[number];

/**
 * The order in which sources are asked for each asset (DATA-SOURCES.md). Keyless sources with the
 * best figure come first: spot metals before Yahoo's futures, live oil before FRED's lagging
 * end-of-day series, Kraken's USD book before Binance's USDT book.
 */
export const QUOTE_CHAIN: Readonly<Record<Asset, readonly QuoteSourceId[]>> = {
  gold: ['gold-api', 'swissquote', 'yahoo'],
  silver: ['gold-api', 'swissquote', 'yahoo'],
  wti: ['yahoo', 'fred'],
  brent: ['yahoo', 'fred'],
  xrp: ['kraken', 'binance', 'coingecko'],
  btc: ['kraken', 'binance', 'coingecko'],
  usdjpy: ['yahoo', 'swissquote'],
};

/**
 * Arranges providers into the per-asset chains above. A source that is not provided (switched off
 * in configuration) or does not support the asset is left out rather than failing at fetch time.
 */
export function buildQuoteChains(
  providers: Readonly<Partial<Record<QuoteSourceId, QuoteSource>>>,
  chain: Readonly<Record<Asset, readonly QuoteSourceId[]>> = QUOTE_CHAIN,
): Record<Asset, readonly QuoteSource[]> {
  const chains = {} as Record<Asset, readonly QuoteSource[]>;
  for (const asset of ASSETS) {
    chains[asset] = chain[asset].flatMap((id) => {
      const source = providers[id];
      return source?.supports(asset) ? [source] : [];
    });
  }
  return chains;
}
