import type { UstTenor } from '../../domain/instruments.ts';
import type { CurveHistory, CurveRow, CurveSource, SourceRef } from '../../domain/market-data.ts';
import { SourceError } from '../../errors.ts';
import type { HttpClient } from '../http-client.ts';
import { type FredSeries, parseFredCsv } from './parse-fred-csv.ts';

export const FRED_REF: SourceRef = { id: 'fred', name: 'FRED, Federal Reserve Bank of St. Louis' };

/** FRED's constant-maturity series for the Treasury par curve. FRED has no 1.5-, 2- or 4-month series. */
export const FRED_CURVE_SERIES: Readonly<Record<string, UstTenor>> = {
  DGS1MO: '1m',
  DGS3MO: '3m',
  DGS6MO: '6m',
  DGS1: '1y',
  DGS2: '2y',
  DGS3: '3y',
  DGS5: '5y',
  DGS7: '7y',
  DGS10: '10y',
  DGS20: '20y',
  DGS30: '30y',
};

export interface FredCurveProviderOptions {
  readonly http: HttpClient;
  /** Scheme and host, e.g. `https://fred.stlouisfed.org`; the documented path is appended. */
  readonly baseUrl: string;
}

/**
 * A fallback for the US par curve built from FRED's DGS* series, fetched in parallel and joined by
 * date. One failing series fails the whole curve: a curve with silently missing tenors misleads.
 *
 * The history is marked incomplete. The series start at different dates (DGS1MO only in 2001) and
 * some have gaps (no 30-year from 2002 to 2006), and nothing in the download proves it is the full
 * series rather than a window, so a "record" claim from it would not be safe.
 */
export function createFredCurveProvider(options: FredCurveProviderOptions): CurveSource {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const source = FRED_REF.id;

  async function loadSeries(id: string): Promise<FredSeries> {
    const url = `${baseUrl}/graph/fredgraph.csv?id=${id}`;
    const text = (await options.http.getBytes(url, { source, expect: 'csv' })).toString('utf8');
    let parsed: FredSeries;
    try {
      parsed = parseFredCsv(text);
    } catch (error) {
      if (error instanceof SourceError) {
        throw new SourceError(error.code, error.message, { ...error.context, url }, { cause: error });
      }
      throw error;
    }
    // A mirror or cache answering with another series would put its values under the wrong tenor.
    if (parsed.series !== id) {
      throw new SourceError('BAD_PAYLOAD', `FRED answered with ${parsed.series} when asked for ${id}`, {
        source,
        url,
      });
    }
    return parsed;
  }

  return {
    ref: FRED_REF,
    async fetchHistory(): Promise<CurveHistory> {
      const ids = Object.keys(FRED_CURVE_SERIES);
      const all = await Promise.all(ids.map(loadSeries));
      const rows = joinByDate(all);
      if (rows.length === 0) {
        throw new SourceError('BAD_PAYLOAD', 'FRED returned no curve rows at all', { source, url: baseUrl });
      }
      return { market: 'us', rows, source: FRED_REF, complete: false };
    },
  };
}

function joinByDate(all: readonly FredSeries[]): CurveRow[] {
  // FRED updates each series on its own; a date only some series have reached yet would show a
  // half-updated curve as today's, so the curve stops at the last date every series has reached.
  let through: string | undefined;
  for (const { observations } of all) {
    const last = observations.at(-1)?.date;
    if (last === undefined) return [];
    if (through === undefined || last < through) through = last;
  }
  const byDate = new Map<string, Partial<Record<UstTenor, number>>>();
  for (const { series, observations } of all) {
    const tenor = FRED_CURVE_SERIES[series];
    if (tenor === undefined) continue;
    for (const { date, value } of observations) {
      if (through !== undefined && date > through) continue;
      const yields = byDate.get(date) ?? {};
      yields[tenor] = value;
      byDate.set(date, yields);
    }
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, yields]) => ({ date, yields }));
}
