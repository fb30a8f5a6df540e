import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SourceError } from '../../../src/errors.ts';
import { parseTreasuryCsv, splitCsvLine } from '../../../src/sources/treasury/parse-treasury-csv.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/us_treasury/${name}`, import.meta.url), 'utf8');
const csv2025 = fixture('daily-treasury-rates.2025.csv');
const csv2023 = fixture('daily-treasury-rates.2023.csv');

/** Rewrites every line of a CSV through `edit`, which gets the split cells. */
function mapCells(text: string, edit: (cells: string[], lineIndex: number) => string[]): string {
  return text
    .split('\n')
    .map((line, i) =>
      edit(splitCsvLine(line), i)
        .map((cell) => (i === 0 && cell !== 'Date' ? `"${cell}"` : cell))
        .join(','),
    )
    .join('\n');
}

function expectBadPayload(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SourceError);
    expect(error).toMatchObject({ code: 'BAD_PAYLOAD', context: { source: 'treasury' } });
    return;
  }
  expect.fail('expected a BAD_PAYLOAD SourceError');
}

describe('parseTreasuryCsv', () => {
  it('reads every row of the 2025 download, oldest first', () => {
    const rows = parseTreasuryCsv(csv2025);
    expect(rows).toHaveLength(184);
    expect(rows[0]?.date).toBe('2025-01-02');
    expect(rows.at(-1)?.date).toBe('2025-09-25');
    const dates = rows.map((r) => r.date);
    expect(dates).toEqual([...dates].sort());
    expect(new Set(dates).size).toBe(dates.length);
  });

  it('maps each 2025 value to its tenor by header name', () => {
    const rows = parseTreasuryCsv(csv2025);
    // 09/25/2025,4.24,4.20,4.18,4.04,4.01,3.85,3.68,3.64,3.66,3.75,3.94,4.18,4.73,4.75
    expect(rows.at(-1)?.yields).toEqual({
      '1m': 4.24,
      '1.5m': 4.2,
      '2m': 4.18,
      '3m': 4.04,
      '4m': 4.01,
      '6m': 3.85,
      '1y': 3.68,
      '2y': 3.64,
      '3y': 3.66,
      '5y': 3.75,
      '7y': 3.94,
      '10y': 4.18,
      '20y': 4.73,
      '30y': 4.75,
    });
  });

  it('leaves the 1.5-month tenor absent before its first value on 2025-02-18', () => {
    const rows = parseTreasuryCsv(csv2025);
    const before = rows.filter((r) => r.date < '2025-02-18');
    const after = rows.filter((r) => r.date >= '2025-02-18');
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((r) => !('1.5m' in r.yields) && Object.keys(r.yields).length === 13)).toBe(true);
    expect(after.every((r) => r.yields['1.5m'] !== undefined)).toBe(true);
    expect(rows.find((r) => r.date === '2025-02-18')?.yields['1.5m']).toBe(4.41);
    // 01/02/2025,4.45,,4.36,… : the empty cell is no value, and the next cell is still the 2-month.
    expect(rows[0]?.yields).toMatchObject({ '1m': 4.45, '2m': 4.36, '3m': 4.36, '30y': 4.79 });
  });

  it('reads the 2023 download, which has no 1.5 Month column', () => {
    const rows = parseTreasuryCsv(csv2023);
    expect(rows).toHaveLength(169);
    expect(rows[0]?.date).toBe('2023-01-03');
    expect(rows.some((r) => '1.5m' in r.yields)).toBe(false);
    // 09/01/2023,5.51,5.55,5.53,5.58,5.47,5.36,4.87,4.57,4.29,4.27,4.18,4.48,4.29
    expect(rows.at(-1)).toEqual({
      date: '2023-09-01',
      yields: {
        '1m': 5.51,
        '2m': 5.55,
        '3m': 5.53,
        '4m': 5.58,
        '6m': 5.47,
        '1y': 5.36,
        '2y': 4.87,
        '3y': 4.57,
        '5y': 4.29,
        '7y': 4.27,
        '10y': 4.18,
        '20y': 4.48,
        '30y': 4.29,
      },
    });
  });

  it('gives the same rows when the columns come in another order', () => {
    const order = [0, 13, 5, 1, 12, 2, 11, 3, 10, 4, 9, 6, 8, 7];
    const shuffled = mapCells(csv2023, (cells) => order.map((i) => cells[i] ?? ''));
    expect(shuffled.split('\n')[0]).toBe(
      'Date,"30 Yr","6 Mo","1 Mo","20 Yr","2 Mo","10 Yr","3 Mo","7 Yr","4 Mo","5 Yr","1 Yr","3 Yr","2 Yr"',
    );
    expect(parseTreasuryCsv(shuffled)).toEqual(parseTreasuryCsv(csv2023));
  });

  it('reads the older unspaced labels such as "1Mo" and "1Yr"', () => {
    const unspaced = mapCells(csv2023, (cells, i) =>
      i === 0 ? cells.map((c) => c.replace(' ', '')) : cells,
    );
    expect(unspaced.split('\n')[0]).toMatch(/^Date,"1Mo","2Mo",.*"30Yr"$/);
    expect(parseTreasuryCsv(unspaced)).toEqual(parseTreasuryCsv(csv2023));
  });

  it('ignores a column it does not know', () => {
    const extra = mapCells(csv2023, (cells, i) => [...cells, i === 0 ? 'Notes' : 'revised']);
    expect(parseTreasuryCsv(extra)).toEqual(parseTreasuryCsv(csv2023));
  });

  it('accepts CRLF line endings and a byte order mark', () => {
    expect(parseTreasuryCsv(`\uFEFF${csv2023.replaceAll('\n', '\r\n')}\r\n`)).toEqual(
      parseTreasuryCsv(csv2023),
    );
  });

  it('returns no rows for a download that has only its header', () => {
    expect(parseTreasuryCsv(csv2025.split('\n')[0] ?? '')).toEqual([]);
  });

  it('rejects an empty body, garbage and an HTML page', () => {
    expectBadPayload(() => parseTreasuryCsv(''));
    expectBadPayload(() => parseTreasuryCsv('hello,world\n1,2'));
    expectBadPayload(() => parseTreasuryCsv('<!DOCTYPE html><html><body>Just a moment…</body></html>'));
  });

  it('rejects a header with no tenor column', () => {
    expectBadPayload(() => parseTreasuryCsv('Date,"Foo","Bar"\n09/25/2025,1,2'));
  });

  it('rejects a header that names the same tenor twice', () => {
    expectBadPayload(() => parseTreasuryCsv('Date,"1 Mo","1Mo"\n09/25/2025,4.24,4.25'));
  });

  it('rejects a row whose cells do not line up with the header', () => {
    const lines = csv2023.split('\n');
    lines[5] = `${lines[5]},4.00`;
    expectBadPayload(() => parseTreasuryCsv(lines.join('\n')));
  });

  it('rejects a value that is not a number and a date that does not exist', () => {
    expectBadPayload(() => parseTreasuryCsv('Date,"1 Mo","10 Yr"\n09/25/2025,N/A,4.18'));
    expectBadPayload(() => parseTreasuryCsv('Date,"1 Mo","10 Yr"\n02/30/2025,4.24,4.18'));
    expectBadPayload(() => parseTreasuryCsv('Date,"1 Mo","10 Yr"\n2025-09-25,4.24,4.18'));
  });

  it('rejects a date that appears twice', () => {
    expectBadPayload(() =>
      parseTreasuryCsv('Date,"1 Mo","10 Yr"\n09/25/2025,4.24,4.18\n09/25/2025,4.24,4.18'),
    );
  });

  it('keeps a negative yield', () => {
    // Made-up values: the point is the sign, which bills showed in 2020 and 2021.
    expect(parseTreasuryCsv('Date,"1 Mo","10 Yr"\n03/26/2020,-0.01,0.83')).toEqual([
      { date: '2020-03-26', yields: { '1m': -0.01, '10y': 0.83 } },
    ]);
  });
});
