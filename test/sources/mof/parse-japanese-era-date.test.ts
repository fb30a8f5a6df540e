import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/dates.ts';
import { parseJapaneseEraDate } from '../../../src/sources/mof/parse-japanese-era-date.ts';

/** An independent formatter, written the other way round: ISO date to the MOF's era notation. */
function toEraNotation(date: string): string {
  const [y = 0, m = 0, d = 0] = date.split('-').map(Number);
  if (date >= '2019-05-01') return `R${y - 2018}.${m}.${d}`;
  if (date >= '1989-01-08') return `H${y - 1988}.${m}.${d}`;
  return `S${y - 1925}.${m}.${d}`;
}

describe('parseJapaneseEraDate', () => {
  it.each([
    ['S49.9.24', '1974-09-24'],
    ['S64.1.6', '1989-01-06'],
    ['H1.1.9', '1989-01-09'],
    ['H31.4.26', '2019-04-26'],
    ['R1.5.7', '2019-05-07'],
    ['R7.10.16', '2025-10-16'],
    ['R8.6.30', '2026-06-30'],
  ])('reads %s as %s', (era, iso) => {
    expect(parseJapaneseEraDate(era)).toBe(iso);
  });

  it('places the last Showa and first Heisei business days of the MOF series in order', () => {
    expect([parseJapaneseEraDate('S64.1.6'), parseJapaneseEraDate('H1.1.9')]).toEqual([
      '1989-01-06',
      '1989-01-09',
    ]);
  });

  it('places the last Heisei and first Reiwa business days of the MOF series in order', () => {
    expect([parseJapaneseEraDate('H31.4.26'), parseJapaneseEraDate('R1.5.7')]).toEqual([
      '2019-04-26',
      '2019-05-07',
    ]);
  });

  it.each([
    ['S64.1.8', 'Showa ended on 1989-01-07'],
    ['H1.1.7', 'Heisei began on 1989-01-08'],
    ['H31.5.7', 'Heisei ended on 2019-04-30'],
    ['R1.4.30', 'Reiwa began on 2019-05-01'],
    ['R0.5.7', 'there is no year 0'],
    ['R7.2.29', '2025 is not a leap year'],
    ['R7.13.1', 'there is no month 13'],
    ['T15.1.1', 'Taisho is outside the series'],
    ['X1.1.1', 'the era is unknown'],
    ['R7.10', 'the day is missing'],
    ['2026/6/30', 'it is an English date'],
    ['基準日', 'it is the header'],
  ])('rejects %s because %s', (text) => {
    expect(parseJapaneseEraDate(text)).toBeUndefined();
  });

  it('round-trips every day from the start of the series to 2060', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 31_500 }), (offset) => {
        const date = addDays('1974-09-24', offset);
        expect(parseJapaneseEraDate(toEraNotation(date))).toBe(date);
      }),
      { numRuns: 2_000 },
    );
  });
});
