import type { Asset } from '../../domain/instruments.ts';
import type { QuoteSource, SourceRef } from '../../domain/market-data.ts';
import type { HttpClient } from '../http-client.ts';
import { parseCoinGeckoSimplePrice } from './parse-coingecko-simple-price.ts';
import { joinUrl, unknownSymbol } from './price-values.ts';

export const COINGECKO_REF = { id: 'coingecko', name: 'CoinGecko' } as const satisfies SourceRef;

/** CoinGecko names coins by id, not by ticker. */
const COIN_IDS: Partial<Record<Asset, string>> = { btc: 'bitcoin', xrp: 'ripple' };

export interface CoinGeckoProviderOptions {
  readonly http: HttpClient;
  /** Scheme and host, e.g. `https://api.coingecko.com`. */
  readonly baseUrl: string;
  /** A free demo key, sent as `x-cg-demo-api-key`. Optional: the keyless tier works at a lower rate. */
  readonly apiKey?: string;
  /** The clock used for `asOf` when CoinGecko sends no `last_updated_at`. */
  readonly now?: () => Date;
}

/** XRP and BTC in USD from CoinGecko's aggregate price; the change is over the last 24 h. */
export function createCoinGeckoProvider(options: CoinGeckoProviderOptions): QuoteSource {
  const now = options.now ?? (() => new Date());
  // The key goes in a header only, so it never appears in a URL that errors and logs carry.
  const headers = options.apiKey ? { 'x-cg-demo-api-key': options.apiKey } : undefined;
  return {
    ref: COINGECKO_REF,
    supports: (asset) => COIN_IDS[asset] !== undefined,
    async fetchQuote(asset) {
      const id = COIN_IDS[asset];
      const query = `ids=${id ?? asset}&vs_currencies=usd&include_24hr_change=true&include_last_updated_at=true`;
      const url = joinUrl(options.baseUrl, `/api/v3/simple/price?${query}`);
      const context = { source: COINGECKO_REF.id, url };
      if (id === undefined) throw unknownSymbol(context, `no CoinGecko coin id for ${asset}`);
      const fetchedAt = now();
      const json = await options.http.getJson(url, {
        source: COINGECKO_REF.id,
        ...(headers ? { headers } : {}),
      });
      const coin = parseCoinGeckoSimplePrice(json, id, context);
      return {
        asset,
        price: coin.price,
        ...(coin.change24hPct === undefined
          ? {}
          : { reference: { price: coin.price / (1 + coin.change24hPct / 100), label: '24 h ago' } }),
        // We ask for last_updated_at; should it be missing, the time of the request stands in.
        asOf: coin.lastUpdatedAt ?? fetchedAt,
        kind: 'spot',
        source: COINGECKO_REF,
      };
    },
  };
}
