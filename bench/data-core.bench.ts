import { readFileSync } from 'node:fs';
import { analyseLevel, curveSpreads, tenorSeries } from '../src/domain/analytics.ts';
import { JGB_TENORS } from '../src/domain/instruments.ts';
import type { CurveHistory } from '../src/domain/market-data.ts';
import { parseMofCsv } from '../src/sources/mof/parse-mof-csv.ts';
import type { BenchResult } from './report.ts';
import { type LatencySummary, summarise, timeRuns } from './stats.ts';

const HISTORY = readFileSync(
  new URL('../test/fixtures/mof_jgb/jgbcme_all.en.2026-04-30.csv', import.meta.url),
);

export interface MofParseResult extends BenchResult {
  readonly rows: number;
  readonly tenors: number;
  readonly parseAndAnalyse: LatencySummary;
  readonly pass: boolean;
}

/** Parse the whole MOF history (13,208 rows since 1974) and analyse the latest day of every tenor. */
export async function benchMofParseAndAnalytics(): Promise<MofParseResult> {
  let rows = 0;
  const run = () => {
    const parsed = parseMofCsv(HISTORY);
    const history: CurveHistory = {
      market: 'jp',
      rows: parsed,
      source: { id: 'mof', name: 'MOF' },
      complete: true,
    };
    for (const tenor of JGB_TENORS) {
      const series = tenorSeries(history, tenor);
      analyseLevel(series, series.length - 1, 60);
    }
    curveSpreads(parsed[parsed.length - 1] ?? { date: '', yields: {} }, parsed[parsed.length - 2]);
    rows = parsed.length;
  };
  const summary = summarise(await timeRuns(30, 3, run));
  return {
    rows,
    tenors: JGB_TENORS.length,
    parseAndAnalyse: summary,
    summary: `p50 ${summary.p50Ms.toFixed(1)} ms, p99 ${summary.p99Ms.toFixed(1)} ms for ${rows.toLocaleString('en-US')} rows × ${JGB_TENORS.length} tenors`,
    target: 'p50 under 100 ms',
    pass: summary.p50Ms < 100,
  };
}
