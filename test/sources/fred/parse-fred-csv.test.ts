import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SourceError } from '../../../src/errors.ts';
import { parseFredCsv } from '../../../src/sources/fred/parse-fred-csv.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/fred/${name}`, import.meta.url), 'utf8');
const newFormat = fixture('DGS10.new-format.2021-04_2026-04.csv');
const oldFormat = fixture('DGS10.old-format.1999_2021.csv');

function expectBadPayload(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SourceError);
    expect(error).toMatchObject({ code: 'BAD_PAYLOAD', context: { source: 'fred' } });
    return;
  }
  expect.fail('expected a BAD_PAYLOAD SourceError');
}

describe('parseFredCsv', () => {
  it('reads the current format, skipping days with an empty value', () => {
    const { series, observations } = parseFredCsv(newFormat);
    expect(series).toBe('DGS10');
    // 1,305 data lines, 55 of them holidays with an empty value.
    expect(observations).toHaveLength(1305 - 55);
    expect(observations[0]).toEqual({ date: '2021-04-13', value: 1.64 });
    expect(observations.at(-1)).toEqual({ date: '2026-04-13', value: 4.3 });
    expect(newFormat).toContain('\n2025-12-25,\n');
    expect(observations.some((o) => o.date === '2025-12-25')).toBe(false);
    expect(observations.every((o) => Number.isFinite(o.value))).toBe(true);
  });

  it('reads the older format, skipping days marked "."', () => {
    const { series, observations } = parseFredCsv(oldFormat);
    expect(series).toBe('DGS10');
    expect(observations).toHaveLength(6000 - 245);
    expect(observations[0]).toEqual({ date: '1999-01-04', value: 4.69 });
    expect(observations.at(-1)).toEqual({ date: '2021-12-31', value: 1.52 });
    expect(oldFormat).toContain('\n1999-01-18,.\n');
    expect(observations.some((o) => o.date === '1999-01-18')).toBe(false);
  });

  it('returns observations in ascending date order with unique dates', () => {
    for (const text of [newFormat, oldFormat]) {
      const dates = parseFredCsv(text).observations.map((o) => o.date);
      expect(dates).toEqual([...dates].sort());
      expect(new Set(dates).size).toBe(dates.length);
    }
  });

  it('sorts a file that is not in date order', () => {
    const lines = newFormat.trimEnd().split('\n');
    const reversed = [lines[0], ...lines.slice(1).reverse()].join('\n');
    expect(parseFredCsv(reversed)).toEqual(parseFredCsv(newFormat));
  });

  it('accepts CRLF line endings and a byte order mark', () => {
    expect(parseFredCsv(`\uFEFF${oldFormat.replaceAll('\n', '\r\n')}`)).toEqual(parseFredCsv(oldFormat));
  });

  it('names the series from the header, for other series such as oil', () => {
    expect(parseFredCsv('observation_date,DCOILWTICO\n2026-04-13,61.02\n2026-04-14,')).toEqual({
      series: 'DCOILWTICO',
      observations: [{ date: '2026-04-13', value: 61.02 }],
    });
  });

  it('rejects an empty body, garbage and an HTML page', () => {
    expectBadPayload(() => parseFredCsv(''));
    expectBadPayload(() => parseFredCsv('hello world'));
    expectBadPayload(() => parseFredCsv('<!DOCTYPE html><html><body>Error</body></html>'));
  });

  it('rejects a header it does not know and a file with more than one series', () => {
    expectBadPayload(() => parseFredCsv('day,DGS10\n2026-04-13,4.30'));
    expectBadPayload(() => parseFredCsv('observation_date,DGS10,DGS2\n2026-04-13,4.30,3.80'));
  });

  it('rejects a row that is not a date and a value', () => {
    expectBadPayload(() => parseFredCsv('observation_date,DGS10\n04/13/2026,4.30'));
    expectBadPayload(() => parseFredCsv('observation_date,DGS10\n2026-02-30,4.30'));
    expectBadPayload(() => parseFredCsv('observation_date,DGS10\n2026-04-13,4.30,1'));
    expectBadPayload(() => parseFredCsv('observation_date,DGS10\n2026-04-13,N/A'));
  });

  it('rejects a date listed twice', () => {
    expectBadPayload(() => parseFredCsv('observation_date,DGS10\n2026-04-13,4.30\n2026-04-13,4.31'));
  });
});
