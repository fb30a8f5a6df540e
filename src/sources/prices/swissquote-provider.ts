import type { Asset } from '../../domain/instruments.ts';
import type { QuoteSource, SourceRef } from '../../domain/market-data.ts';
import type { HttpClient } from '../http-client.ts';
import { parseSwissquoteQuotes } from './parse-swissquote-quotes.ts';
import { joinUrl, unknownSymbol } from './price-values.ts';

export const SWISSQUOTE_REF = { id: 'swissquote', name: 'Swissquote' } as const satisfies SourceRef;

const INSTRUMENTS: Partial<Record<Asset, string>> = { gold: 'XAU/USD', silver: 'XAG/USD', usdjpy: 'USD/JPY' };

export interface SwissquoteProviderOptions {
  readonly http: HttpClient;
  /** Scheme and host, e.g. `https://forex-data-feed.swissquote.com`. */
  readonly baseUrl: string;
}

/**
 * Spot gold, silver and USD/JPY from Swissquote's public best-bid-offer feed (keyless), as the mid
 * of bid and ask. The feed has no previous close, so the quote carries no reference price.
 */
export function createSwissquoteProvider(options: SwissquoteProviderOptions): QuoteSource {
  return {
    ref: SWISSQUOTE_REF,
    supports: (asset) => INSTRUMENTS[asset] !== undefined,
    async fetchQuote(asset) {
      const instrument = INSTRUMENTS[asset];
      const url = joinUrl(options.baseUrl, `/public-quotes/bboquotes/instrument/${instrument ?? asset}`);
      const context = { source: SWISSQUOTE_REF.id, url };
      if (instrument === undefined) throw unknownSymbol(context, `Swissquote has no instrument for ${asset}`);
      const quote = parseSwissquoteQuotes(
        await options.http.getJson(url, { source: SWISSQUOTE_REF.id }),
        context,
      );
      return { asset, price: quote.mid, asOf: quote.ts, kind: 'spot', source: SWISSQUOTE_REF };
    },
  };
}
