import type { Asset } from '../../domain/instruments.ts';
import type { QuoteKind, QuoteSource, SourceRef } from '../../domain/market-data.ts';
import type { HttpClient } from '../http-client.ts';
import { parseYahooChart } from './parse-yahoo-chart.ts';
import { badPayload, joinUrl, unknownSymbol } from './price-values.ts';

export const YAHOO_REF = { id: 'yahoo', name: 'Yahoo Finance' } as const satisfies SourceRef;

interface YahooSymbol {
  readonly symbol: string;
  readonly currency: string;
  readonly kind: QuoteKind;
}

/**
 * Metals and oil are front-month futures (continuous `=F` symbols), not spot. Yahoo's FX rate is
 * a delayed indicative quote, not an official fix.
 */
const SYMBOLS: Partial<Record<Asset, YahooSymbol>> = {
  gold: { symbol: 'GC=F', currency: 'USD', kind: 'futures' },
  silver: { symbol: 'SI=F', currency: 'USD', kind: 'futures' },
  wti: { symbol: 'CL=F', currency: 'USD', kind: 'futures' },
  brent: { symbol: 'BZ=F', currency: 'USD', kind: 'futures' },
  usdjpy: { symbol: 'JPY=X', currency: 'JPY', kind: 'delayed' },
  btc: { symbol: 'BTC-USD', currency: 'USD', kind: 'spot' },
};

export interface YahooProviderOptions {
  readonly http: HttpClient;
  /** Scheme and host, e.g. `https://query1.finance.yahoo.com`. */
  readonly baseUrl: string;
}

/**
 * Futures for metals and oil, USD/JPY and BTC from Yahoo's unofficial chart API. An unknown
 * symbol is HTTP 404 there, which surfaces as `HTTP_STATUS`; the body is not read.
 */
export function createYahooProvider(options: YahooProviderOptions): QuoteSource {
  return {
    ref: YAHOO_REF,
    supports: (asset) => SYMBOLS[asset] !== undefined,
    async fetchQuote(asset) {
      const spec = SYMBOLS[asset];
      const url = joinUrl(options.baseUrl, `/v8/finance/chart/${spec?.symbol ?? asset}?range=5d&interval=1d`);
      const context = { source: YAHOO_REF.id, url };
      if (spec === undefined) throw unknownSymbol(context, `no Yahoo symbol for ${asset}`);
      const chart = parseYahooChart(
        await options.http.getJson(url, { source: YAHOO_REF.id }),
        spec.symbol,
        context,
      );
      if (chart.currency !== undefined && chart.currency !== spec.currency) {
        throw badPayload(context, `${spec.symbol} is quoted in ${chart.currency}, expected ${spec.currency}`);
      }
      return {
        asset,
        price: chart.price,
        ...(chart.previousClose
          ? { reference: { price: chart.previousClose.price, label: 'previous close' } }
          : {}),
        asOf: chart.asOf,
        kind: spec.kind,
        source: YAHOO_REF,
        ...(spec.kind === 'futures' && chart.shortName ? { contract: chart.shortName } : {}),
      };
    },
  };
}
