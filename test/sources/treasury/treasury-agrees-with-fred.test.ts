import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFredCsv } from '../../../src/sources/fred/parse-fred-csv.ts';
import { parseTreasuryCsv } from '../../../src/sources/treasury/parse-treasury-csv.ts';

const fixture = (path: string) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');
const fredDgs10 = parseFredCsv(fixture('fred/DGS10.new-format.2021-04_2026-04.csv'));
const fredByDate = new Map(fredDgs10.observations.map((o) => [o.date, o.value]));

// FRED's DGS10 is the Treasury's own 10-year par yield, so the two independent downloads must agree.
describe('the Treasury CSV and FRED DGS10', () => {
  it.each([
    ['daily-treasury-rates.2025.csv', 184],
    ['daily-treasury-rates.2023.csv', 169],
  ])('agree on the 10-year yield on every date %s shares with FRED', (name, expectedOverlap) => {
    const rows = parseTreasuryCsv(fixture(`us_treasury/${name}`));
    const pairs = rows.flatMap((row) => {
      const fred = fredByDate.get(row.date);
      return fred === undefined ? [] : [{ date: row.date, treasury: row.yields['10y'], fred }];
    });
    expect(pairs).toHaveLength(expectedOverlap);
    expect(pairs.filter((p) => p.treasury !== p.fred)).toEqual([]);
  });

  it('agree on a sample of 2025 dates read by hand from both files', () => {
    const rows = parseTreasuryCsv(fixture('us_treasury/daily-treasury-rates.2025.csv'));
    const treasury = new Map(rows.map((r) => [r.date, r.yields['10y']]));
    for (const [date, value] of [
      ['2025-01-02', 4.57],
      ['2025-02-18', 4.55],
      ['2025-09-25', 4.18],
    ] as const) {
      expect(treasury.get(date)).toBe(value);
      expect(fredByDate.get(date)).toBe(value);
    }
  });
});
