import type { Asset } from '../../domain/instruments.ts';
import type { QuoteSource, SourceRef } from '../../domain/market-data.ts';
import { SourceError } from '../../errors.ts';
import { type FredSeries, parseFredCsv } from '../fred/parse-fred-csv.ts';
import type { HttpClient } from '../http-client.ts';
import { badPayload, joinUrl, positiveNumber, unknownSymbol } from './price-values.ts';

/** FRED republishes the U.S. Energy Information Administration's daily spot prices. */
export const FRED_PRICE_REF = { id: 'fred', name: 'FRED (EIA daily spot)' } as const satisfies SourceRef;

const SERIES: Partial<Record<Asset, string>> = { wti: 'DCOILWTICO', brent: 'DCOILBRENTEU' };

export interface FredPriceProviderOptions {
  readonly http: HttpClient;
  /** Scheme and host, e.g. `https://fred.stlouisfed.org`. */
  readonly baseUrl: string;
}

/**
 * WTI and Brent spot from FRED's daily series, a fallback for when Yahoo fails. The series lag by
 * several days, so the quote is end-of-day and dated by its observation, never by the fetch.
 */
export function createFredPriceProvider(options: FredPriceProviderOptions): QuoteSource {
  return {
    ref: FRED_PRICE_REF,
    supports: (asset) => SERIES[asset] !== undefined,
    async fetchQuote(asset) {
      const id = SERIES[asset];
      const url = joinUrl(options.baseUrl, `/graph/fredgraph.csv?id=${id ?? asset}`);
      const context = { source: FRED_PRICE_REF.id, url };
      if (id === undefined) throw unknownSymbol(context, `no FRED series for ${asset}`);
      const text = (await options.http.getBytes(url, { source: FRED_PRICE_REF.id, expect: 'csv' })).toString(
        'utf8',
      );
      let series: FredSeries;
      try {
        series = parseFredCsv(text);
      } catch (error) {
        if (error instanceof SourceError) {
          throw new SourceError(error.code, error.message, { ...error.context, url }, { cause: error });
        }
        throw error;
      }
      // A mirror answering with another series would show, say, a yield as an oil price.
      if (series.series !== id) throw badPayload(context, `asked for ${id} and got ${series.series}`);
      const last = series.observations.at(-1);
      const previous = series.observations.at(-2);
      if (last === undefined) throw badPayload(context, `${id} has no observations`);
      // WTI did settle below zero on 2020-04-20, but as the latest figure a non-positive value is
      // far likelier a broken feed; showing nothing beats showing a wrong price.
      const price = positiveNumber(last.value);
      if (price === undefined) throw badPayload(context, `${id} on ${last.date} is not a usable price`);
      const reference = previous === undefined ? undefined : positiveNumber(previous.value);
      return {
        asset,
        price,
        ...(reference === undefined ? {} : { reference: { price: reference, label: 'previous close' } }),
        asOf: new Date(`${last.date}T00:00:00Z`),
        kind: 'end-of-day',
        source: FRED_PRICE_REF,
      };
    },
  };
}
