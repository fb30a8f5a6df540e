import type { Asset } from '../../domain/instruments.ts';
import type { QuoteSource, SourceRef } from '../../domain/market-data.ts';
import type { HttpClient } from '../http-client.ts';
import { parseKrakenTicker } from './parse-kraken-ticker.ts';
import { badPayload, joinUrl, unknownSymbol } from './price-values.ts';

export const KRAKEN_REF = { id: 'kraken', name: 'Kraken' } as const satisfies SourceRef;

/** The pair to request, and the base currency Kraken's own pair name must contain (`XXBTZUSD`). */
const PAIRS: Partial<Record<Asset, { readonly pair: string; readonly base: string }>> = {
  btc: { pair: 'XBTUSD', base: 'XBT' },
  xrp: { pair: 'XRPUSD', base: 'XRP' },
};

export interface KrakenProviderOptions {
  readonly http: HttpClient;
  /** Scheme and host, e.g. `https://api.kraken.com`. */
  readonly baseUrl: string;
  /** The clock used for `asOf`, since Kraken's ticker carries no timestamp. */
  readonly now?: () => Date;
}

/** Spot XRP and BTC in USD from Kraken's public ticker; the change is measured from the 00:00 UTC open. */
export function createKrakenProvider(options: KrakenProviderOptions): QuoteSource {
  const now = options.now ?? (() => new Date());
  return {
    ref: KRAKEN_REF,
    supports: (asset) => PAIRS[asset] !== undefined,
    async fetchQuote(asset) {
      const spec = PAIRS[asset];
      const url = joinUrl(options.baseUrl, `/0/public/Ticker?pair=${spec?.pair ?? asset}`);
      const context = { source: KRAKEN_REF.id, url };
      if (spec === undefined) throw unknownSymbol(context, `no Kraken pair for ${asset}`);
      // The ticker has no timestamp of its own: the time of the request is the best as-of there is.
      const asOf = now();
      const ticker = parseKrakenTicker(await options.http.getJson(url, { source: KRAKEN_REF.id }), context);
      if (!ticker.pair.includes(spec.base)) {
        throw badPayload(context, `asked for ${spec.pair} and got ${ticker.pair}`);
      }
      return {
        asset,
        price: ticker.last,
        reference: { price: ticker.open, label: '00:00 UTC open' },
        asOf,
        kind: 'spot',
        source: KRAKEN_REF,
      };
    },
  };
}
