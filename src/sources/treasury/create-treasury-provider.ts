import { dateInZone } from '../../domain/dates.ts';
import type { CurveHistory, CurveRow, CurveSource, SourceRef } from '../../domain/market-data.ts';
import { SourceError } from '../../errors.ts';
import type { HttpClient } from '../http-client.ts';
import { parseTreasuryCsv } from './parse-treasury-csv.ts';
import { parseTreasuryXml } from './parse-treasury-xml.ts';

export const TREASURY_CSV_REF: SourceRef = { id: 'treasury', name: 'U.S. Department of the Treasury' };
export const TREASURY_XML_REF: SourceRef = { id: 'treasury-xml', name: 'U.S. Department of the Treasury' };

// The Treasury dates its curve in New York; a UTC calendar would ask for next year on New Year's Eve.
const PUBLISHER_ZONE = 'America/New_York';

export interface TreasuryCsvProviderOptions {
  readonly http: HttpClient;
  /** Scheme and host, e.g. `https://home.treasury.gov`; the documented path is appended. */
  readonly baseUrl: string;
  readonly now?: () => Date;
  /** Calendar years to load: the current one and those before it. Default 2, which covers early January. */
  readonly years?: number;
}

/**
 * The Treasury's daily par yield curve from its yearly CSV downloads, fetched in parallel and merged.
 * Only recent years are loaded, so the history is marked incomplete. Any year that fails fails the
 * whole history: a gap in the middle would corrupt every change and "highest since" figure.
 */
export function createTreasuryCsvProvider(options: TreasuryCsvProviderOptions): CurveSource {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const now = options.now ?? (() => new Date());
  const years = Math.max(1, Math.floor(options.years ?? 2));
  const source = TREASURY_CSV_REF.id;

  async function loadYear(year: number, today: string): Promise<CurveRow[]> {
    const url =
      `${baseUrl}/resource-center/data-chart-center/interest-rates/daily-treasury-rates.csv/${year}/all` +
      `?type=daily_treasury_yield_curve&field_tdr_date_value=${year}&page&_format=csv`;
    let text: string;
    try {
      text = (await options.http.getBytes(url, { source, expect: 'csv' })).toString('utf8');
    } catch (error) {
      // On the first days of January the new year has no rows yet; that is not a failure.
      const newYear = today.startsWith(`${year}-01-`);
      if (newYear && error instanceof SourceError && error.code === 'EMPTY_BODY') return [];
      throw error;
    }
    const rows = withUrl(() => parseTreasuryCsv(text), url);
    checkPeriod(rows, String(year), source, url);
    return rows;
  }

  return {
    ref: TREASURY_CSV_REF,
    async fetchHistory(): Promise<CurveHistory> {
      const today = dateInZone(now(), PUBLISHER_ZONE);
      const current = Number(today.slice(0, 4));
      const wanted = Array.from({ length: years }, (_, i) => current - i);
      const perYear = await Promise.all(wanted.map((year) => loadYear(year, today)));
      return history(perYear, TREASURY_CSV_REF, baseUrl);
    },
  };
}

export interface TreasuryXmlProviderOptions {
  readonly http: HttpClient;
  /** Scheme and host, e.g. `https://home.treasury.gov`; the documented path is appended. */
  readonly baseUrl: string;
  readonly now?: () => Date;
  /** Calendar months to load: the current one and those before it. Default 4, enough for 60 daily changes. */
  readonly months?: number;
}

/**
 * The same par curve from the Treasury's monthly OData XML feed: a fallback for the CSV download.
 * Loads only the last few months, so the history is marked incomplete; any month that fails fails all.
 */
export function createTreasuryXmlProvider(options: TreasuryXmlProviderOptions): CurveSource {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const now = options.now ?? (() => new Date());
  const months = Math.max(1, Math.floor(options.months ?? 4));
  const source = TREASURY_XML_REF.id;

  async function loadMonth(month: string): Promise<CurveRow[]> {
    const url =
      `${baseUrl}/resource-center/data-chart-center/interest-rates/pages/xml` +
      `?data=daily_treasury_yield_curve&field_tdr_date_value_month=${month}`;
    const text = (await options.http.getBytes(url, { source, expect: 'xml' })).toString('utf8');
    const rows = withUrl(() => parseTreasuryXml(text), url);
    checkPeriod(rows, `${month.slice(0, 4)}-${month.slice(4)}`, source, url);
    return rows;
  }

  return {
    ref: TREASURY_XML_REF,
    async fetchHistory(): Promise<CurveHistory> {
      const today = dateInZone(now(), PUBLISHER_ZONE);
      const first = Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1, 1);
      const wanted = Array.from({ length: months }, (_, i) => {
        const d = new Date(first);
        d.setUTCMonth(d.getUTCMonth() - i);
        return `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
      });
      const perMonth = await Promise.all(wanted.map(loadMonth));
      return history(perMonth, TREASURY_XML_REF, baseUrl);
    },
  };
}

/** Joins per-period row lists (no dates shared between periods) into one ascending history. */
function history(parts: readonly CurveRow[][], ref: SourceRef, baseUrl: string): CurveHistory {
  const rows = parts.flat().sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (rows.length === 0) {
    throw new SourceError('BAD_PAYLOAD', `${ref.id} returned no curve rows at all`, {
      source: ref.id,
      url: baseUrl,
    });
  }
  return { market: 'us', rows, source: ref, complete: false };
}

/**
 * A file asked for one period must hold only that period: rows from another year or month mean the
 * query was ignored, and merging them would duplicate or misplace dates.
 */
function checkPeriod(rows: readonly CurveRow[], prefix: string, source: string, url: string): void {
  const stray = rows.find((row) => !row.date.startsWith(prefix));
  if (stray) {
    throw new SourceError('BAD_PAYLOAD', `${source} answered with ${stray.date} when asked for ${prefix}`, {
      source,
      url,
    });
  }
}

/** Runs a pure parser and adds the request's URL to its error, so a log line says which file was bad. */
function withUrl<T>(parse: () => T, url: string): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof SourceError && error.context.url === undefined) {
      throw new SourceError(error.code, error.message, { ...error.context, url }, { cause: error });
    }
    throw error;
  }
}
