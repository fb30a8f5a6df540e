import type { IsoDate } from '../../domain/dates.ts';
import type { CurveHistory, CurveRow, CurveSource, SourceRef } from '../../domain/market-data.ts';
import { SourceError } from '../../errors.ts';
import type { HttpClient } from '../http-client.ts';
import { mergeCurveRows } from './merge-curve-rows.ts';
import { parseMofCsv } from './parse-mof-csv.ts';

export type MofLanguage = 'en' | 'ja';

const FILES: Readonly<Record<MofLanguage, { readonly history: string; readonly current: string }>> = {
  en: {
    history: '/english/policy/jgbs/reference/interest_rate/historical/jgbcme_all.csv',
    current: '/english/policy/jgbs/reference/interest_rate/jgbcme.csv',
  },
  ja: {
    history: '/jgbs/reference/interest_rate/data/jgbcm_all.csv',
    current: '/jgbs/reference/interest_rate/jgbcm.csv',
  },
};

const REFS: Readonly<Record<MofLanguage, SourceRef>> = {
  en: { id: 'mof', name: 'Ministry of Finance Japan' },
  ja: { id: 'mof-ja', name: 'Ministry of Finance Japan' },
};

/** The first date of the MOF series (1–9Y); a history starting later cannot claim records. */
const MOF_SERIES_START: IsoDate = '1974-09-24';

export interface MofJgbProviderOptions {
  readonly http: HttpClient;
  /** Scheme and host, e.g. `https://www.mof.go.jp`; the documented paths are appended. */
  readonly baseUrl: string;
  readonly language: MofLanguage;
}

/**
 * The Ministry of Finance's end-of-day JGB benchmark curve (1–10, 15, 20, 25, 30, 40Y): the
 * history file (to the end of last month) merged with the current-month file, current winning.
 *
 * Both files must answer. If only the current-month file fails, the provider throws rather than
 * return the history alone: a history-only answer would be taken as a fresh success, stopping the
 * fallback chain at a curve that ends last month, while the other language's files would have had
 * this month, and the cache would stop serving its last complete value (marked stale) in its place.
 */
export function createMofJgbProvider({ http, baseUrl, language }: MofJgbProviderOptions): CurveSource {
  const ref = REFS[language];
  const root = baseUrl.replace(/\/+$/, '');

  async function fetchRows(path: string): Promise<{ rows: CurveRow[]; url: string }> {
    const url = `${root}${path}`;
    const bytes = await http.getBytes(url, { source: ref.id, expect: 'csv' });
    return { rows: parseMofCsv(bytes, { source: ref.id, url }), url };
  }

  async function fetchHistory(): Promise<CurveHistory> {
    const [history, current] = await Promise.all([
      fetchRows(FILES[language].history),
      fetchRows(FILES[language].current),
    ]);
    // The current-month file may legitimately be empty early in a month; the history never is.
    const start = history.rows[0];
    if (start === undefined) {
      throw new SourceError('BAD_PAYLOAD', `${ref.id} history file has no rows`, {
        source: ref.id,
        url: history.url,
      });
    }
    return {
      market: 'jp',
      rows: mergeCurveRows(history.rows, current.rows),
      source: ref,
      complete: start.date <= MOF_SERIES_START,
    };
  }

  return { ref, fetchHistory };
}

/** The MOF curve sources in fallback order: the English files first, then the Japanese ones. */
export function createMofJgbSources(options: Omit<MofJgbProviderOptions, 'language'>): CurveSource[] {
  return [
    createMofJgbProvider({ ...options, language: 'en' }),
    createMofJgbProvider({ ...options, language: 'ja' }),
  ];
}
