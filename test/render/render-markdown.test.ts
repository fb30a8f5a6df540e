import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../src/render/escape-markdown.ts';
import { renderMarkdown } from '../../src/render/render-markdown.ts';
import { documentOf, headline, morningBrief } from './sample-documents.ts';

describe('renderMarkdown', () => {
  it('renders the title, headings and fields', () => {
    const out = renderMarkdown(morningBrief());
    expect(
      out.startsWith('# JGB morning brief — 2026-01-20\n\n## Yields\n\n- **10Y**: 2.330% (+4.5 bp)\n'),
    ).toBe(true);
  });

  it('renders a table as a GFM table with its alignment row', () => {
    expect(renderMarkdown(morningBrief())).toContain(
      [
        '| Tenor | Yield | Chg |',
        '| --- | ---: | ---: |',
        '| 10Y | 2.330% | +4.5 bp |',
        '| 40Y | 4.215% | +18.0 bp |',
      ].join('\n'),
    );
  });

  it('escapes a pipe inside a table cell so the row keeps its columns', () => {
    const out = renderMarkdown(
      documentOf('', [{ kind: 'table', columns: ['a|b', 'c'], rows: [['x | y', '*z*']] }]),
    );
    expect(out).toBe('| a\\|b | c |\n| --- | --- |\n| x \\| y | \\*z\\* |\n');
  });

  it('renders headlines as links and images with their alt text', () => {
    const out = renderMarkdown(morningBrief());
    expect(out).toContain('- [JGB yields jump](https://example.com/news/1) — Reuters (08:12 JST)');
    expect(out).toContain('![JGB curve](curve-jp-2026-01-20.png)');
  });

  it('escapes Markdown in plain strings, including link text', () => {
    const out = renderMarkdown(
      documentOf('', [
        { kind: 'headlines', items: [headline('*bold* [x](https://evil) <b>', { when: undefined })] },
      ]),
    );
    expect(out).toBe('- [\\*bold\\* \\[x\\](https://evil) \\<b\\>](https://example.com/news/1) — Reuters\n');
  });

  it('shows a headline with an unsafe URL as text, not a link', () => {
    const out = renderMarkdown(
      documentOf('', [{ kind: 'headlines', items: [headline('T', { url: 'javascript:x' })] }]),
    );
    expect(out).toBe('- T — Reuters (08:12 JST)\n');
  });

  it('escapes line-start syntax only where it would start a block', () => {
    expect(escapeMarkdown('1. first')).toBe('1\\. first');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('# not a heading')).toBe('\\# not a heading');
    expect(escapeMarkdown('2.330% at 10:00')).toBe('2.330% at 10:00');
    expect(escapeMarkdown('S&P $5,000 ~flat~ _x_ `c`')).toBe('S\\&P \\$5,000 \\~flat\\~ \\_x\\_ \\`c\\`');
  });

  it('keeps line breaks in text blocks and marks warnings in the footer', () => {
    const out = renderMarkdown(
      documentOf(
        '',
        [{ kind: 'text', text: 'one\ntwo' }],
        [{ text: 'Source: MOF' }, { text: 'stale', warning: true }],
      ),
    );
    expect(out).toBe('one\\\ntwo\n\n*Source: MOF*\\\n**⚠ stale**\n');
  });
});
