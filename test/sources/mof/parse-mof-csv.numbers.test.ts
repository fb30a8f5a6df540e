import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JGB_TENORS } from '../../../src/domain/instruments.ts';
import { parseMofCsv } from '../../../src/sources/mof/parse-mof-csv.ts';
import { MOF_FIXTURES, type MofFixture, mofFixture } from './mof-fixtures.ts';

/**
 * The parser reads cells with its own decimal scanner rather than `Number`. These tests hold it to
 * `Number` exactly (the same double, bit for bit, -0 included) on every cell of every saved payload
 * and on generated cells.
 */

const HEADER = `Date,${JGB_TENORS.map((t) => t.toUpperCase()).join(',')}`;

/** Every published value of a payload, read the plain way: split on commas, then `Number`. */
function plainReading(bytes: Uint8Array): Map<string, (number | undefined)[]> {
  const byDate = new Map<string, (number | undefined)[]>();
  for (const line of new TextDecoder('shift_jis').decode(bytes).split(/\r?\n/)) {
    const cells = line.split(',');
    const [first = ''] = cells;
    if (!/^(\d{4}\/\d{1,2}\/\d{1,2}|[A-Z]\d{1,2}\.\d{1,2}\.\d{1,2})$/.test(first)) continue;
    byDate.set(
      first,
      cells.slice(1, 1 + JGB_TENORS.length).map((c) => (c === '' || c === '-' ? undefined : Number(c))),
    );
  }
  return byDate;
}

describe('parseMofCsv reads numbers exactly as Number does', () => {
  const payloads = (Object.keys(MOF_FIXTURES) as MofFixture[]).filter(
    (name) => name !== 'englishCurrentText',
  );

  it.each(payloads)('on every cell of %s', (name) => {
    const bytes = mofFixture(name);
    const rows = parseMofCsv(bytes);
    const plain = [...plainReading(bytes).values()].filter((cells) => cells.some((c) => c !== undefined));
    expect(rows).toHaveLength(plain.length);
    let compared = 0;
    rows.forEach((row, index) => {
      const cells = plain[index] ?? [];
      JGB_TENORS.forEach((tenor, column) => {
        expect(Object.is(row.yields[tenor], cells[column]), `${row.date} ${tenor}`).toBe(true);
        compared += 1;
      });
    });
    expect(compared).toBe(rows.length * JGB_TENORS.length);
  });

  it('on generated cells: signs, leading and trailing dots, long fractions, -0', () => {
    const digits = (min: number, max: number) =>
      fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
    const cell = fc.oneof(
      fc.constant(''),
      fc.constant('-'),
      fc
        .tuple(fc.boolean(), fc.integer({ min: 0, max: 49 }), digits(0, 25))
        .map(
          ([minus, whole, fraction]) => `${minus ? '-' : ''}${whole}${fraction === '' ? '' : `.${fraction}`}`,
        ),
      fc.tuple(fc.boolean(), digits(1, 20)).map(([minus, fraction]) => `${minus ? '-' : ''}.${fraction}`),
      fc
        .tuple(fc.boolean(), fc.integer({ min: 0, max: 49 }))
        .map(([minus, whole]) => `${minus ? '-' : ''}${whole}.`),
      fc
        .tuple(fc.boolean(), digits(1, 3))
        .map(([minus, zeros]) => `${minus ? '-' : ''}0${zeros.replace(/./g, '0')}`),
    );
    fc.assert(
      fc.property(fc.array(cell, { minLength: JGB_TENORS.length, maxLength: JGB_TENORS.length }), (cells) => {
        const csv = `${HEADER}\r\n2026/4/30,${cells.join(',')}\r\n`;
        const expected = cells.map((c) => (c === '' || c === '-' ? undefined : Number(c)));
        if (expected.every((v) => v === undefined)) {
          expect(parseMofCsv(Buffer.from(csv))).toEqual([]);
          return;
        }
        const [row] = parseMofCsv(Buffer.from(csv));
        JGB_TENORS.forEach((tenor, column) => {
          expect(Object.is(row?.yields[tenor], expected[column]), `${tenor} ${cells[column]}`).toBe(true);
        });
      }),
      { numRuns: 2_000 },
    );
  });
});
