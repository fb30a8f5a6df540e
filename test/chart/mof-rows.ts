import type { CurveRow, SourceRef } from '../../src/domain/market-data.ts';
import { parseMofCsv } from '../../src/sources/mof/parse-mof-csv.ts';
import { fixture } from '../support/fake-market.ts';

const rows = parseMofCsv(fixture('mof_jgb/jgbcme_all.en.2026-04-30.csv'));

export const MOF_SOURCE: SourceRef = { id: 'mof', name: 'Ministry of Finance Japan' };

/** One day of the real MOF history (captured 2026-04-30). */
export function mofRow(date: string): CurveRow {
  const row = rows.find((r) => r.date === date);
  if (!row) throw new Error(`no MOF row for ${date}`);
  return row;
}
