import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SourceError } from '../../../src/errors.ts';
import { parseTreasuryXml } from '../../../src/sources/treasury/parse-treasury-xml.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/us_treasury/${name}`, import.meta.url), 'utf8');
const captured = fixture('ust_par_xml.2026-10.from-text.xml');
const withMissing = fixture('ust_par_xml.2026-10.missing-values.derived.xml');
const emptyFeed = captured.replace(/<entry>[\s\S]*<\/entry>\n/, '');

function expectBadPayload(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SourceError);
    expect(error).toMatchObject({ code: 'BAD_PAYLOAD', context: { source: 'treasury-xml' } });
    return;
  }
  expect.fail('expected a BAD_PAYLOAD SourceError');
}

describe('parseTreasuryXml', () => {
  it('reads both entries of the October 2026 feed, oldest first, with every tenor', () => {
    expect(parseTreasuryXml(captured)).toEqual([
      {
        date: '2026-10-01',
        yields: {
          '1m': 4.06,
          '1.5m': 4.1,
          '2m': 4.13,
          '3m': 4.17,
          '4m': 4.26,
          '6m': 4.27,
          '1y': 4.44,
          '2y': 4.78,
          '3y': 4.91,
          '5y': 5.01,
          '7y': 5.12,
          '10y': 5.24,
          '20y': 5.64,
          '30y': 5.61,
        },
      },
      {
        date: '2026-10-02',
        yields: {
          '1m': 4.04,
          '1.5m': 4.09,
          '2m': 4.11,
          '3m': 4.19,
          '4m': 4.26,
          '6m': 4.27,
          '1y': 4.46,
          '2y': 4.83,
          '3y': 4.96,
          '5y': 5.06,
          '7y': 5.17,
          '10y': 5.28,
          '20y': 5.67,
          '30y': 5.63,
        },
      },
    ]);
  });

  it('gives the same rows when the entries come newest first', () => {
    const [head = '', first = '', second = '', tail = ''] = captured.split(
      /(?=<entry>)|(?<=<\/entry>\n)(?=<\/feed>)/,
    );
    expect(first.startsWith('<entry>') && second.startsWith('<entry>')).toBe(true);
    expect(parseTreasuryXml(head + second + first + tail)).toEqual(parseTreasuryXml(captured));
  });

  it('treats m:null="true" as no value', () => {
    const row = parseTreasuryXml(withMissing).find((r) => r.date === '2026-10-01');
    expect(row?.yields).not.toHaveProperty('1.5m');
    expect(row?.yields).toMatchObject({ '1m': 4.06, '2m': 4.13 });
  });

  it('treats an absent element as no value', () => {
    const row = parseTreasuryXml(withMissing).find((r) => r.date === '2026-10-02');
    expect(row?.yields).not.toHaveProperty('4m');
    expect(row?.yields).toMatchObject({ '3m': 4.19, '6m': 4.27 });
  });

  it('never takes BC_30YEARDISPLAY for the 30-year value', () => {
    const row = parseTreasuryXml(withMissing).find((r) => r.date === '2026-10-02');
    expect(withMissing).toContain('<d:BC_30YEARDISPLAY m:type="Edm.Double">5.63</d:BC_30YEARDISPLAY>');
    expect(row?.yields).not.toHaveProperty('30y');
    expect(Object.keys(row?.yields ?? {})).toHaveLength(12);
  });

  it('returns no rows for a month with no entries yet', () => {
    expect(emptyFeed).not.toContain('<entry>');
    expect(parseTreasuryXml(emptyFeed)).toEqual([]);
  });

  it('rejects garbage, an HTML page and an empty document', () => {
    expectBadPayload(() => parseTreasuryXml('garbage'));
    expectBadPayload(() => parseTreasuryXml('<html><body><p>Access denied</p></body></html>'));
    expectBadPayload(() => parseTreasuryXml(''));
    expectBadPayload(() => parseTreasuryXml('<feed/>'));
  });

  it('rejects a feed cut off part-way', () => {
    expectBadPayload(() => parseTreasuryXml(captured.slice(0, captured.lastIndexOf('<entry>') + 400)));
  });

  it('rejects a value that is not a number', () => {
    expectBadPayload(() => parseTreasuryXml(captured.replace('>5.24<', '>N/A<')));
  });

  it('rejects an entry without a usable date', () => {
    expectBadPayload(() => parseTreasuryXml(captured.replace('2026-10-01T00:00:00', '10/01/2026')));
    expectBadPayload(() => parseTreasuryXml(captured.replace('2026-10-01T00:00:00', '2026-02-30T00:00:00')));
  });

  it('rejects a date that appears twice', () => {
    expectBadPayload(() => parseTreasuryXml(captured.replace('2026-10-02T00:00:00', '2026-10-01T00:00:00')));
  });
});
