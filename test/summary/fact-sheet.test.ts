import { beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/briefing/snapshot.ts';
import type { Headline } from '../../src/domain/market-data.ts';
import { buildFactSheet } from '../../src/summary/fact-sheet.ts';
import { goldenSnapshot } from '../briefing/golden-snapshot.ts';
import { SUMMARY_HEADLINES, selloffSnapshot } from './summary-snapshot.ts';

let selloff: Snapshot;
beforeAll(async () => {
  selloff = await selloffSnapshot();
});

const byId = (snapshot: Snapshot, locale = 'en-US') =>
  new Map(buildFactSheet(snapshot, { locale, sigmaWindowDays: 60 }).facts.map((f) => [f.id, f]));

describe('the fact sheet of 2026-01-20', () => {
  it('states the JGB figures exactly as the brief shows them, with source and as-of', () => {
    const facts = byId(selloff);
    expect(facts.get('jgb_40y_change_bp')).toEqual({
      id: 'jgb_40y_change_bp',
      label: 'JGB 40Y yield change since 2026-01-19, the previous business day',
      kind: 'change',
      value: 18,
      unit: 'bp',
      text: '+18.0 bp',
      source: 'Ministry of Finance Japan',
      asOf: '2026-01-20',
    });
    const texts = Object.fromEntries([...facts].map(([id, f]) => [id, f.text]));
    expect(texts).toMatchObject({
      jgb_40y_yield: '3.901%',
      jgb_40y_sigma: '+6.0σ',
      jgb_10y_yield: '2.330%',
      jgb_10y_change_bp: '+6.4 bp',
      jgb_10y_highest_since: 'Feb 5, 1999',
      jgb_30y_sigma: '+7.9σ',
      jgb_30s40s_bp: '+13.6 bp',
      gold_price: '4,671.25',
      gold_change_pct: '+0.45%',
    });
  });

  it('gives σ only from 3, as the brief does', () => {
    const facts = byId(selloff);
    expect(facts.has('jgb_40y_sigma')).toBe(true);
    expect(facts.has('jgb_2y_sigma')).toBe(false);
  });

  it('leaves out a curve that is out of date and prices whose source failed', () => {
    const ids = [...byId(selloff).keys()];
    // The Treasury capture ends 2025-09-25: months stale on 2026-01-20.
    expect(ids.filter((id) => id.startsWith('ust_'))).toEqual([]);
    expect(ids.filter((id) => id.startsWith('wti_') || id.startsWith('btc_'))).toEqual([]);
  });

  it('leaves out a quote that is out of date, as the brief marks it stale', async () => {
    // In the golden snapshot, gold's Yahoo payload is from 2025-02-20.
    const ids = [...byId(await goldenSnapshot()).keys()];
    expect(ids.some((id) => id.startsWith('gold_'))).toBe(false);
    expect(ids).toContain('jgb_40y_yield');
  });

  it('gives every fact a unique snake-case id', () => {
    const { facts } = buildFactSheet(selloff, { locale: 'en-US', sigmaWindowDays: 60 });
    expect(new Set(facts.map((f) => f.id)).size).toBe(facts.length);
    for (const fact of facts) expect(fact.id).toMatch(/^[a-z0-9]+(_[a-z0-9]+)+$/);
  });

  it('formats figures for the brief’s locale', () => {
    expect(byId(selloff, 'ja-JP').get('jgb_10y_highest_since')?.text).toBe('1999/02/05');
  });
});

describe('the headlines a summary may cite', () => {
  it('numbers market headlines h1, h2, … in feed order', async () => {
    const { headlines } = buildFactSheet(selloff, { locale: 'en-US', sigmaWindowDays: 60 });
    expect(headlines.map((h) => [h.id, h.source])).toEqual([
      ['h1', 'Wire A'],
      ['h2', 'Feed B'],
      ['h3', 'Wire C'],
    ]);
  });

  it('keeps untagged and old news out, and titles on one clean line', async () => {
    const extra: Headline[] = [
      { ...base(), id: 'x1', title: 'Celebrity news', topics: [] },
      { ...base(), id: 'x2', publishedAt: new Date('2026-01-10T00:00:00Z') },
      { ...base(), id: 'x3', title: 'Line one\nline two\u202e\u0007 end' },
    ];
    const snapshot = await selloffSnapshot(extra);
    const { headlines } = buildFactSheet(snapshot, { locale: 'en-US', sigmaWindowDays: 60 });
    expect(headlines.map((h) => h.title)).toEqual(['Line one line two end']);
  });
});

function base(): Headline {
  const first = SUMMARY_HEADLINES[0];
  if (!first) throw new Error('no headline');
  return first;
}
