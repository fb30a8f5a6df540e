import type { Asset } from '../../domain/instruments.ts';
import type { QuoteSource, SourceRef } from '../../domain/market-data.ts';
import { SourceError } from '../../errors.ts';
import type { HttpClient } from '../http-client.ts';
import { parseBinanceTicker } from './parse-binance-ticker.ts';
import { badPayload, joinUrl, unknownSymbol } from './price-values.ts';

/** Binance has no USD book for these coins: the figures are in USDT, and the name says so. */
export const BINANCE_REF = { id: 'binance', name: 'Binance (USDT)' } as const satisfies SourceRef;

const SYMBOLS: Partial<Record<Asset, string>> = { btc: 'BTCUSDT', xrp: 'XRPUSDT' };

export interface BinanceProviderOptions {
  readonly http: HttpClient;
  /**
   * Scheme and host. Use the market-data mirror `https://data-api.binance.vision`:
   * `api.binance.com` answers HTTP 451 to US addresses.
   */
  readonly baseUrl: string;
}

/** XRP and BTC against USDT from Binance's 24 h ticker; the change is over the rolling 24 h window. */
export function createBinanceProvider(options: BinanceProviderOptions): QuoteSource {
  return {
    ref: BINANCE_REF,
    supports: (asset) => SYMBOLS[asset] !== undefined,
    async fetchQuote(asset) {
      const symbol = SYMBOLS[asset];
      const url = joinUrl(options.baseUrl, `/api/v3/ticker/24hr?symbol=${symbol ?? asset}`);
      const context = { source: BINANCE_REF.id, url };
      if (symbol === undefined) throw unknownSymbol(context, `no Binance symbol for ${asset}`);
      let json: unknown;
      try {
        json = await options.http.getJson(url, { source: BINANCE_REF.id });
      } catch (error) {
        // Binance refuses an unknown symbol with 400 {"code":-1121,"msg":"Invalid symbol."}. The
        // shared client does not hand us that body, and 400 is the only thing our fixed, valid
        // request can get wrong, so 400 is read as an unknown symbol.
        if (error instanceof SourceError && error.code === 'HTTP_STATUS' && error.context.status === 400) {
          throw new SourceError('UNKNOWN_SYMBOL', `binance: refused ${symbol} (HTTP 400)`, error.context, {
            cause: error,
          });
        }
        throw error;
      }
      const ticker = parseBinanceTicker(json, context);
      if (ticker.symbol !== symbol) throw badPayload(context, `asked for ${symbol} and got ${ticker.symbol}`);
      return {
        asset,
        price: ticker.lastPrice,
        reference: { price: ticker.openPrice, label: '24 h ago' },
        asOf: ticker.closeTime,
        kind: 'spot',
        source: BINANCE_REF,
      };
    },
  };
}
