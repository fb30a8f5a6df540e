import { describe, expect, it } from 'vitest';
import type { CurveRow } from '../../../src/domain/market-data.ts';
import { mergeCurveRows } from '../../../src/sources/mof/merge-curve-rows.ts';
import { parseMofCsv } from '../../../src/sources/mof/parse-mof-csv.ts';
import { mofFixture } from './mof-fixtures.ts';

const row = (date: string, tenYear: number): CurveRow => ({ date, yields: { '10y': tenYear } });

describe('mergeCurveRows', () => {
  it('appends the current month after the history', () => {
    const merged = mergeCurveRows(
      [row('2026-04-28', 2.468), row('2026-04-30', 2.52)],
      [row('2026-05-01', 2.5)],
    );
    expect(merged.map((r) => r.date)).toEqual(['2026-04-28', '2026-04-30', '2026-05-01']);
  });

  it('lets the current month win on a date both files hold', () => {
    const merged = mergeCurveRows(
      [row('2026-04-28', 2.468), row('2026-04-30', 2.52)],
      [row('2026-04-30', 2.53)],
    );
    expect(merged).toEqual([row('2026-04-28', 2.468), row('2026-04-30', 2.53)]);
  });

  it('keeps dates ascending and unique whatever order the inputs overlap in', () => {
    const merged = mergeCurveRows(
      [row('2026-04-01', 1), row('2026-04-03', 3), row('2026-04-05', 5)],
      [row('2026-04-02', 20), row('2026-04-05', 50), row('2026-04-06', 60)],
    );
    expect(merged).toEqual([
      row('2026-04-01', 1),
      row('2026-04-02', 20),
      row('2026-04-03', 3),
      row('2026-04-05', 50),
      row('2026-04-06', 60),
    ]);
  });

  it('returns the history alone when the current month has no rows yet', () => {
    const history = [row('2026-08-31', 2.9)];
    expect(mergeCurveRows(history, [])).toEqual(history);
  });

  it('merges the real English history with the real English current month', () => {
    const history = parseMofCsv(mofFixture('englishHistory'));
    const current = parseMofCsv(mofFixture('englishCurrent'));
    const merged = mergeCurveRows(history, current);
    expect(merged).toHaveLength(13_208 + 9);
    expect(merged.at(-1)?.date).toBe('2026-09-11');
    expect(merged[13_207]?.date).toBe('2026-04-30');
  });
});
