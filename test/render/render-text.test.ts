import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/render/render-text.ts';
import { documentOf, headline, morningBrief } from './sample-documents.ts';

describe('renderText', () => {
  const out = renderText(morningBrief());

  it('starts with the title underlined', () => {
    expect(out.startsWith('JGB morning brief — 2026-01-20\n==============================\n')).toBe(true);
  });

  it('aligns field labels and values', () => {
    expect(out).toContain('10Y  2.330% (+4.5 bp)\n40Y  4.215% (+18.0 bp)');
  });

  it('aligns table columns, right-aligning where asked', () => {
    expect(out).toContain(
      [
        'Tenor   Yield       Chg',
        '-----  ------  --------',
        '10Y    2.330%   +4.5 bp',
        '40Y    4.215%  +18.0 bp',
      ].join('\n'),
    );
  });

  it('shows bullets, headlines with their link, notices, images and the footer', () => {
    expect(out).toContain('• 40Y +18 bp, a 6σ move\n• Curve steeper');
    expect(out).toContain('• JGB yields jump — Reuters (08:12 JST)\n  https://example.com/news/1');
    expect(out).toContain('⚠ Gold: every source failed');
    expect(out).toContain('[image: JGB curve]');
    expect(out.endsWith('Source: MOF, as of 2026-01-20\n⚠ Gold price is stale\n')).toBe(true);
  });

  it('leaves no trailing spaces on any line', () => {
    expect(out.split('\n').filter((line) => line !== line.trimEnd())).toEqual([]);
  });

  it('aligns columns by display width when cells hold Japanese text', () => {
    const table = renderText(
      documentOf('', [
        {
          kind: 'table',
          columns: ['銘柄', 'Yield'],
          rows: [
            ['10年', '2.330%'],
            ['10Y', '2.330%'],
          ],
        },
      ]),
    );
    expect(table).toBe('銘柄  Yield\n----  ------\n10年  2.330%\n10Y   2.330%\n');
  });

  it('strips terminal escape sequences and bidi overrides from outside text', () => {
    const text = renderText(
      documentOf('', [
        { kind: 'headlines', items: [headline('\u001b[2Jcleared \u202Emoc.live', { when: undefined })] },
      ]),
    );
    expect(text).not.toContain('\u001b');
    expect(text).not.toContain('\u202E');
    expect(text).toContain('• [2Jcleared moc.live — Reuters');
  });
});
