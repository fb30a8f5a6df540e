import { describe, expect, it } from 'vitest';
import { JGB_TENORS, type JgbTenor } from '../../../src/domain/instruments.ts';
import type { CurveRow } from '../../../src/domain/market-data.ts';
import { parseMofCsv } from '../../../src/sources/mof/parse-mof-csv.ts';
import { mofFixture } from './mof-fixtures.ts';

const englishHistory = parseMofCsv(mofFixture('englishHistory'));
const japaneseHistory = parseMofCsv(mofFixture('japaneseHistory'));

function rowOn(rows: readonly CurveRow[], date: string): CurveRow {
  const row = rows.find((r) => r.date === date);
  if (row === undefined) throw new Error(`no row on ${date}`);
  return row;
}

function firstValueDates(rows: readonly CurveRow[]): Partial<Record<JgbTenor, string>> {
  const first: Partial<Record<JgbTenor, string>> = {};
  for (const row of rows) {
    for (const tenor of JGB_TENORS) {
      if (first[tenor] === undefined && row.yields[tenor] !== undefined) first[tenor] = row.date;
    }
  }
  return first;
}

const FIRST_VALUES = {
  '1y': '1974-09-24',
  '2y': '1974-09-24',
  '3y': '1974-09-24',
  '4y': '1974-09-24',
  '5y': '1974-09-24',
  '6y': '1974-09-24',
  '7y': '1974-09-24',
  '8y': '1974-09-24',
  '9y': '1974-09-24',
  '10y': '1986-07-05',
  '15y': '1991-08-30',
  '20y': '1986-12-01',
  '25y': '2004-03-22',
  '30y': '1999-09-02',
  '40y': '2007-11-06',
};

describe('parseMofCsv on the English history', () => {
  it('reads 13,208 business days from 1974-09-24 to 2026-04-30, ascending with unique dates', () => {
    expect(englishHistory).toHaveLength(13_208);
    expect(englishHistory[0]?.date).toBe('1974-09-24');
    expect(englishHistory.at(-1)?.date).toBe('2026-04-30');
    expect(englishHistory.every((row, i) => i === 0 || (englishHistory[i - 1]?.date ?? '') < row.date)).toBe(
      true,
    );
  });

  it('reads the first and last rows with every published value', () => {
    expect(englishHistory[0]?.yields).toEqual({
      '1y': 10.327,
      '2y': 9.362,
      '3y': 8.83,
      '4y': 8.515,
      '5y': 8.348,
      '6y': 8.29,
      '7y': 8.24,
      '8y': 8.121,
      '9y': 8.127,
    });
    expect(englishHistory.at(-1)?.yields).toEqual({
      '1y': 1.094,
      '2y': 1.402,
      '3y': 1.556,
      '4y': 1.753,
      '5y': 1.903,
      '6y': 2.03,
      '7y': 2.153,
      '8y': 2.283,
      '9y': 2.396,
      '10y': 2.52,
      '15y': 3.078,
      '20y': 3.402,
      '25y': 3.686,
      '30y': 3.721,
      '40y': 3.743,
    });
  });

  it('finds the first published value of each tenor where the Ministry started it', () => {
    expect(firstValueDates(englishHistory)).toEqual(FIRST_VALUES);
    expect(rowOn(englishHistory, '1986-07-04').yields['10y']).toBeUndefined();
    expect(rowOn(englishHistory, '2007-11-05').yields['40y']).toBeUndefined();
    expect(rowOn(englishHistory, '2007-11-06').yields['40y']).toBe(2.439);
  });

  it('reads a minus sign before digits as a negative yield', () => {
    expect(rowOn(englishHistory, '2016-07-27').yields).toMatchObject({
      '1y': -0.371,
      '10y': -0.297,
      '15y': -0.074,
      '20y': 0.161,
      '40y': 0.333,
    });
    expect(rowOn(englishHistory, '2016-02-24').yields['8y']).toBe(-0.161);
  });

  it('leaves a tenor out of a row where the cell is a lone "-"', () => {
    const row = rowOn(englishHistory, '1978-05-22');
    expect(Object.keys(row.yields)).toEqual(['4y', '5y', '6y', '7y', '8y', '9y']);
    expect(row.yields['4y']).toBe(5.901);
    expect('1y' in row.yields).toBe(false);
    expect(rowOn(englishHistory, '1980-08-21').yields['1y']).toBeUndefined();
    expect(rowOn(englishHistory, '1980-08-22').yields['1y']).toBe(9.565);
  });

  it('keeps the Saturday rows, which stop when Saturday trading ended in early 1989', () => {
    const saturdays = englishHistory.filter((row) => new Date(`${row.date}T00:00:00Z`).getUTCDay() === 6);
    expect(saturdays).toHaveLength(519);
    expect(saturdays.at(-1)?.date).toBe('1989-01-28');
    expect(rowOn(englishHistory, '1978-05-27').yields['4y']).toBe(5.899);
  });
});

describe('parseMofCsv on the Japanese history (Shift_JIS, era dates)', () => {
  it('reads 13,248 business days from S49.9.24 (1974-09-24) to R8.6.30 (2026-06-30)', () => {
    expect(japaneseHistory).toHaveLength(13_248);
    expect(japaneseHistory[0]?.date).toBe('1974-09-24');
    expect(japaneseHistory.at(-1)).toEqual({
      date: '2026-06-30',
      yields: {
        '1y': 1.165,
        '2y': 1.382,
        '3y': 1.531,
        '4y': 1.755,
        '5y': 1.937,
        '6y': 2.075,
        '7y': 2.231,
        '8y': 2.398,
        '9y': 2.553,
        '10y': 2.69,
        '15y': 3.271,
        '20y': 3.625,
        '25y': 3.883,
        '30y': 3.873,
        '40y': 3.792,
      },
    });
  });

  it('crosses the Showa-Heisei and Heisei-Reiwa boundaries without a gap or a jump in dates', () => {
    const dates = japaneseHistory.map((row) => row.date);
    const showaEnd = dates.indexOf('1989-01-06');
    expect(dates.slice(showaEnd, showaEnd + 2)).toEqual(['1989-01-06', '1989-01-09']);
    const heiseiEnd = dates.indexOf('2019-04-26');
    expect(dates.slice(heiseiEnd, heiseiEnd + 2)).toEqual(['2019-04-26', '2019-05-07']);
  });

  it('finds the same first published value of each tenor as the English file', () => {
    expect(firstValueDates(japaneseHistory)).toEqual(FIRST_VALUES);
  });

  it('agrees with the English history on every date both cover', () => {
    expect(japaneseHistory.slice(0, englishHistory.length)).toEqual(englishHistory);
    expect(japaneseHistory[englishHistory.length]?.date).toBe('2026-05-01');
  });
});

describe('parseMofCsv on the current-month files', () => {
  it('reads the Japanese current month R7.10.1 to R7.10.16 and skips the blank row and the footer', () => {
    const rows = parseMofCsv(mofFixture('japaneseCurrent'));
    expect(rows.map((row) => row.date)).toEqual([
      '2025-10-01',
      '2025-10-02',
      '2025-10-03',
      '2025-10-06',
      '2025-10-07',
      '2025-10-08',
      '2025-10-09',
      '2025-10-10',
      '2025-10-14',
      '2025-10-15',
      '2025-10-16',
    ]);
    expect(rows[0]?.yields).toMatchObject({ '1y': 0.792, '10y': 1.663, '30y': 3.074, '40y': 3.335 });
    expect(rows.at(-1)?.yields).toMatchObject({ '1y': 0.73, '10y': 1.663, '40y': 3.34 });
    const footer = new TextDecoder('shift_jis').decode(mofFixture('japaneseCurrent')).split('\r\n').at(-2);
    expect(footer).toMatch(/^※最新のcsvデータがダウンロードできない場合/);
  });

  it('matches the Japanese history on the days of October 2025 both files hold', () => {
    const rows = parseMofCsv(mofFixture('japaneseCurrent'));
    for (const row of rows) expect(rowOn(japaneseHistory, row.date)).toEqual(row);
  });

  it('reads the English current month, whose footer a strict UTF-8 decode rejects', () => {
    const bytes = mofFixture('englishCurrent');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow(TypeError);
    const rows = parseMofCsv(bytes);
    expect(rows.map((row) => row.date)).toEqual([
      '2026-09-01',
      '2026-09-02',
      '2026-09-03',
      '2026-09-04',
      '2026-09-07',
      '2026-09-08',
      '2026-09-09',
      '2026-09-10',
      '2026-09-11',
    ]);
    expect(rows[0]?.yields).toMatchObject({ '1y': 1.527, '10y': 2.987, '40y': 4.145 });
    expect(rows.every((row) => Object.keys(row.yields).length === 15)).toBe(true);
    const footer = new TextDecoder('shift_jis').decode(bytes).split('\r\n').at(-2);
    expect(footer).toMatch(/^" {2}※If you cannot download the latest csv data/);
  });

  it('is a faithful reconstruction of the text rendering: CRLF, and "Å¶" as the bytes 0x81 0xA6', () => {
    const bytes = mofFixture('englishCurrent');
    expect(bytes).toHaveLength(1_137);
    const asRendered = Buffer.from(bytes)
      .toString('latin1')
      .replace(/\r\n/g, '\n')
      .replace('\x81\xA6', '\u00C5\u00B6');
    expect(asRendered).toBe(mofFixture('englishCurrentText').toString('utf8'));
  });

  it('reads LF line endings as it reads CRLF', () => {
    expect(parseMofCsv(mofFixture('englishCurrentText'))).toEqual(parseMofCsv(mofFixture('englishCurrent')));
  });

  it('returns no rows for a current-month file early in the month', () => {
    expect(parseMofCsv(mofFixture('englishCurrentNoRows'))).toEqual([]);
    expect(parseMofCsv(mofFixture('japaneseCurrentNoRows'))).toEqual([]);
  });
});
