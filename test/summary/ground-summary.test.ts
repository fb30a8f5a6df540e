import { describe, expect, it } from 'vitest';
import type { Fact, FactSheet } from '../../src/summary/fact-sheet.ts';
import { groundSummary } from '../../src/summary/ground-summary.ts';

const mof = { source: 'Ministry of Finance Japan', asOf: '2026-01-20' };
const FACTS: Fact[] = [
  { id: 'jgb_40y_change_bp', label: '', kind: 'change', value: 18, unit: 'bp', text: '+18.0 bp', ...mof },
  { id: 'jgb_40y_yield', label: '', kind: 'level', value: 3.901, unit: 'percent', text: '3.901%', ...mof },
  { id: 'jgb_40y_sigma', label: '', kind: 'change', value: 6, unit: 'sigma', text: '+6.0σ', ...mof },
  { id: 'jgb_2y_change_bp', label: '', kind: 'change', value: -1, unit: 'bp', text: '-1.0 bp', ...mof },
  {
    id: 'jgb_10y_highest_since',
    label: '',
    kind: 'date',
    value: '1999-02-05',
    unit: 'date',
    text: 'Feb 5, 1999',
    ...mof,
  },
  {
    id: 'gold_change_pct',
    label: '',
    kind: 'change',
    value: 0.45,
    unit: 'percent',
    text: '+0.45%',
    source: 'history',
    asOf: '2026-01-20T21:00:00Z',
  },
];
const SHEET: FactSheet = {
  facts: FACTS,
  headlines: [
    {
      id: 'h1',
      title: 'Japan super-long yields surge 20 bp',
      source: 'Wire A',
      url: 'https://news.example/a',
    },
    { id: 'h2', title: 'Gold edges higher', source: 'Wire C', url: 'https://news.example/b' },
  ],
};

const answer = (summary: string) => JSON.stringify({ summary });
const ground = (summary: string) => groundSummary(answer(summary), SHEET);

describe('grounding a summary', () => {
  it('fills every figure and link in from the fact sheet', () => {
    const result = ground(
      'Super-long JGBs sold off again: the 40-year rose {{jgb_40y_change_bp}} to {{ jgb_40y_yield }}, a {{jgb_40y_sigma}} move [h1]. The 10Y is at its highest since {{jgb_10y_highest_since}}.',
    );
    expect(result).toEqual({
      ok: true,
      text: 'Super-long JGBs sold off again: the 40-year rose +18.0 bp to 3.901%, a +6.0σ move (Wire A: https://news.example/a). The 10Y is at its highest since Feb 5, 1999.',
      facts: ['jgb_40y_change_bp', 'jgb_40y_yield', 'jgb_40y_sigma', 'jgb_10y_highest_since'],
      cited: ['h1'],
    });
  });

  it('cites several headlines at once', () => {
    const result = ground('Yields rose {{jgb_40y_change_bp}} [h1, h2].');
    expect(result.ok && result.text).toBe(
      'Yields rose +18.0 bp (Wire A: https://news.example/a; Wire C: https://news.example/b).',
    );
  });

  it('takes no figure from a cited headline: its title never enters the text', () => {
    const result = ground('Super-long yields jumped [h1].');
    expect(result.ok && result.text).not.toContain('20 bp');
  });

  it('accepts an answer wrapped in a Markdown code fence', () => {
    const fenced = `\`\`\`json\n${answer('The 40-year rose {{jgb_40y_change_bp}}.')}\n\`\`\``;
    expect(groundSummary(fenced, SHEET).ok).toBe(true);
  });

  it.each([
    ['an invented number', 'The 40-year rose 18 bp.', 'invented-number', '18'],
    [
      'a number next to a placeholder',
      'The 40-year rose {{jgb_40y_change_bp}} to 4%.',
      'invented-number',
      '4',
    ],
    ['a number word', 'A six-sigma day for the 40-year.', 'invented-number', 'six'],
    ['an unknown fact id', 'The 11-year rose {{jgb_11y_change_bp}}.', 'unknown-fact', 'jgb_11y_change_bp'],
    ['a headline that does not exist', 'Yields rose [h9].', 'unknown-headline', 'h9'],
    [
      'a half-read placeholder',
      'The 40-year rose {jgb_40y_change_bp}.',
      'unreadable',
      'stray "{" in the summary',
    ],
    [
      'a falling word before a rise',
      'Gold fell {{gold_change_pct}}.',
      'contradicts-sign',
      expect.stringContaining('fell'),
    ],
    [
      'a rising word before a fall',
      'The 2-year rose {{jgb_2y_change_bp}}.',
      'contradicts-sign',
      expect.stringContaining('rose'),
    ],
    [
      'a Japanese falling word after a rise',
      '40年債利回りは{{jgb_40y_change_bp}}低下した。',
      'contradicts-sign',
      expect.stringContaining('低下'),
    ],
  ])('withholds %s', (_name, summary, code, detail) => {
    expect(ground(summary)).toEqual({ ok: false, failure: { code, detail } });
  });

  it('reads the direction word nearest the figure', () => {
    expect(ground('Gold rose while the 2-year fell {{jgb_2y_change_bp}}.').ok).toBe(true);
    expect(ground('The 40-year rose {{jgb_40y_change_bp}} while gold rose {{gold_change_pct}}.').ok).toBe(
      true,
    );
    expect(ground('40年債利回りは{{jgb_40y_change_bp}}上昇した。').ok).toBe(true);
  });

  it.each([
    ['not JSON', 'The 40-year rose.', 'the answer is not JSON'],
    ['an array', '["The 40-year rose."]', 'the answer is not a JSON object'],
    ['the wrong field', '{"text": "The 40-year rose."}', 'the answer has no "summary" string'],
    ['a number for a summary', '{"summary": 42}', 'the answer has no "summary" string'],
  ])('withholds an answer that is %s', (_name, content, detail) => {
    expect(groundSummary(content, SHEET)).toEqual({ ok: false, failure: { code: 'unreadable', detail } });
  });

  it('withholds an empty or endless summary', () => {
    expect(ground('  ')).toMatchObject({ ok: false, failure: { code: 'empty' } });
    expect(ground('Yields rose. '.repeat(200))).toMatchObject({ ok: false, failure: { code: 'too-long' } });
  });
});
