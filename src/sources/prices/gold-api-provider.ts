import type { Asset } from '../../domain/instruments.ts';
import type { QuoteSource, SourceRef } from '../../domain/market-data.ts';
import type { HttpClient } from '../http-client.ts';
import { parseGoldApiPrice } from './parse-gold-api-price.ts';
import { joinUrl, unknownSymbol } from './price-values.ts';

export const GOLD_API_REF = { id: 'gold-api', name: 'gold-api.com' } as const satisfies SourceRef;

const SYMBOLS: Partial<Record<Asset, string>> = { gold: 'XAU', silver: 'XAG' };

export interface GoldApiProviderOptions {
  readonly http: HttpClient;
  /** Scheme and host, e.g. `https://api.gold-api.com`. */
  readonly baseUrl: string;
  /** The clock used for `asOf` when the answer carries no `updatedAt`. */
  readonly now?: () => Date;
}

/** Spot gold and silver in USD per troy ounce from gold-api.com (keyless). No reference price is given. */
export function createGoldApiProvider(options: GoldApiProviderOptions): QuoteSource {
  const now = options.now ?? (() => new Date());
  return {
    ref: GOLD_API_REF,
    supports: (asset) => SYMBOLS[asset] !== undefined,
    async fetchQuote(asset) {
      const symbol = SYMBOLS[asset];
      const url = joinUrl(options.baseUrl, `/price/${symbol ?? asset}`);
      const context = { source: GOLD_API_REF.id, url };
      if (symbol === undefined) throw unknownSymbol(context, `gold-api.com has no symbol for ${asset}`);
      const fetchedAt = now();
      const parsed = parseGoldApiPrice(
        await options.http.getJson(url, { source: GOLD_API_REF.id }),
        symbol,
        context,
      );
      return {
        asset,
        price: parsed.price,
        // Without `updatedAt` the time of the request is the best as-of there is.
        asOf: parsed.updatedAt ?? fetchedAt,
        kind: 'spot',
        source: GOLD_API_REF,
      };
    },
  };
}
