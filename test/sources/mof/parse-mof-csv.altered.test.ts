import { describe, expect, it } from 'vitest';
import { SourceError } from '../../../src/errors.ts';
import { parseMofCsv } from '../../../src/sources/mof/parse-mof-csv.ts';
import { editLines, mofFixture } from './mof-fixtures.ts';

function badPayload(run: () => unknown): SourceError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).code).toBe('BAD_PAYLOAD');
    return error as SourceError;
  }
  throw new Error('expected a BAD_PAYLOAD SourceError');
}

describe('parseMofCsv on altered payloads', () => {
  const current = mofFixture('englishCurrent');

  it('finds the header by scanning, wherever it sits', () => {
    const shifted = editLines(current, (lines) => ['Notice', '', ...lines]);
    expect(parseMofCsv(shifted)).toEqual(parseMofCsv(current));
  });

  it('maps columns by header name, not by position', () => {
    const reversed = editLines(current, (lines) => lines.map((line) => line.split(',').reverse().join(',')));
    const moved = editLines(reversed, (lines) =>
      lines.map((line) => {
        const cells = line.split(',');
        return [cells.pop(), ...cells].join(',');
      }),
    );
    expect(parseMofCsv(moved)).toEqual(parseMofCsv(current));
  });

  it('treats an empty cell as no value', () => {
    const edited = editLines(current, (lines) =>
      lines.map((line) => (line.startsWith('2026/9/1,') ? line.replace(',1.527,', ',,') : line)),
    );
    const row = parseMofCsv(edited)[0];
    expect(row?.date).toBe('2026-09-01');
    expect(row && '1y' in row.yields).toBe(false);
    expect(row?.yields['2y']).toBe(1.802);
  });

  it.each(['abc', '1.2.3', '1e3', '0x1F', 'Infinity', '--1', '1,5%'])(
    'rejects the value "%s" in a data row rather than guess a number',
    (bad) => {
      const edited = editLines(current, (lines) =>
        lines.map((line) => (line.startsWith('2026/9/3,') ? line.replace(',2.966,', `,${bad},`) : line)),
      );
      const error = badPayload(() => parseMofCsv(edited, { source: 'mof', url: 'http://x/jgbcme.csv' }));
      expect(error.message).toMatch(/line 5/);
      expect(error.context).toEqual({ source: 'mof', url: 'http://x/jgbcme.csv' });
    },
  );

  it('rejects a yield far outside any plausible range', () => {
    const edited = editLines(current, (lines) => lines.map((line) => line.replace(',2.966,', ',296.6,')));
    expect(badPayload(() => parseMofCsv(edited)).message).toMatch(/implausible/);
  });

  it('rejects a truncated data row, whose last cell may be a cut-off number', () => {
    const edited = editLines(current, (lines) =>
      lines.map((l) => (l.startsWith('2026/9/11,') ? l.slice(0, 40) : l)),
    );
    expect(badPayload(() => parseMofCsv(edited)).message).toMatch(/cells where 16 were expected/);
  });

  it('rejects a date that does not exist, and a date listed twice', () => {
    const impossible = editLines(current, (lines) =>
      lines.map((line) => line.replace(/^2026\/9\/4,/, '2026/9/31,')),
    );
    expect(badPayload(() => parseMofCsv(impossible)).message).toMatch(/"2026\/9\/31" is not a valid date/);
    const twice = editLines(current, (lines) =>
      lines.map((line) => line.replace(/^2026\/9\/4,/, '2026/9/2,')),
    );
    expect(badPayload(() => parseMofCsv(twice)).message).toMatch(/2026-09-02 more than once/);
  });

  it('rejects Japanese rows dated in an era it does not know, rather than skip them', () => {
    const japanese = mofFixture('japaneseCurrent');
    const future = editLines(japanese, (lines) =>
      lines.map((line) => line.replace(/^R7\.10\.16,/, 'X1.1.1,')),
    );
    expect(badPayload(() => parseMofCsv(future)).message).toMatch(/"X1\.1\.1" is not a valid date/);
    const outsideEra = editLines(japanese, (lines) =>
      lines.map((line) => line.replace(/^R7\.10\.16,/, 'H31.5.7,')),
    );
    expect(badPayload(() => parseMofCsv(outsideEra)).message).toMatch(/H31\.5\.7/);
  });

  it('sorts rows that arrive out of order', () => {
    const edited = editLines(current, (lines) => [
      lines[0] ?? '',
      lines[1] ?? '',
      ...lines.slice(2, 11).reverse(),
    ]);
    expect(parseMofCsv(edited)).toEqual(parseMofCsv(current));
  });

  it('rejects a payload without a recognisable header', () => {
    badPayload(() => parseMofCsv(Buffer.from('Interest Rate,(Unit : %)\r\n2026/9/1,1.5,1.8\r\n')));
    badPayload(() => parseMofCsv(Buffer.from('')));
    expect(badPayload(() => parseMofCsv(Buffer.from('Date,Open,Close\r\n2026/9/1,1,2\r\n'))).message).toMatch(
      /no known tenor/,
    );
  });

  it('fails fast on a long malformed row instead of backtracking for ever', () => {
    const cell = '1'.repeat(2_000);
    const row = `2026/9/1,${Array.from({ length: 15 }, () => cell).join(',')}x`;
    const edited = editLines(current, (lines) => [lines[0] ?? '', lines[1] ?? '', row]);
    // A backtracking regex would hang here; the test timeout is the guard, not a speed target.
    badPayload(() => parseMofCsv(edited));
  });
});
