import type { Block, Document, FooterNote, HeadlineItem } from '../../src/domain/document.ts';

/** A document from a title and blocks, with an optional footer. */
export function documentOf(
  title: string,
  blocks: readonly Block[],
  footer: readonly FooterNote[] = [],
): Document {
  return { title, blocks, footer };
}

/** A headline from Reuters at 08:12 JST; pass `when: undefined` for one without a time. */
export function headline(
  title: string,
  overrides: { url?: string; source?: string; when?: string | undefined } = {},
): HeadlineItem {
  const when = 'when' in overrides ? overrides.when : '08:12 JST';
  const base = {
    title,
    url: overrides.url ?? 'https://example.com/news/1',
    source: overrides.source ?? 'Reuters',
  };
  return when === undefined ? base : { ...base, when };
}

/** A morning brief shaped like the real ones: every kind of block once. */
export function morningBrief(): Document {
  return documentOf(
    'JGB morning brief — 2026-01-20',
    [
      { kind: 'heading', text: 'Yields' },
      {
        kind: 'fields',
        items: [
          { label: '10Y', value: '2.330% (+4.5 bp)' },
          { label: '40Y', value: '4.215% (+18.0 bp)' },
        ],
      },
      {
        kind: 'table',
        columns: ['Tenor', 'Yield', 'Chg'],
        rows: [
          ['10Y', '2.330%', '+4.5 bp'],
          ['40Y', '4.215%', '+18.0 bp'],
        ],
        align: ['left', 'right', 'right'],
      },
      { kind: 'text', text: 'The 10Y closed at its highest since February 1999.' },
      { kind: 'bullets', items: ['40Y +18 bp, a 6σ move', 'Curve steeper'] },
      { kind: 'headlines', items: [headline('JGB yields jump')] },
      { kind: 'notice', text: 'Gold: every source failed' },
      {
        kind: 'image',
        image: {
          name: 'curve-jp-2026-01-20.png',
          alt: 'JGB curve',
          png: new Uint8Array(),
          width: 800,
          height: 400,
        },
      },
      { kind: 'divider' },
    ],
    [{ text: 'Source: MOF, as of 2026-01-20' }, { text: 'Gold price is stale', warning: true }],
  );
}

/** A hostile string that tries to ping, link, and format on every platform at once. */
export const HOSTILE =
  '@everyone @here @channel <!channel> <!here> <@U123> <@&456> <#C789> *bold* _it_ ~st~ `code` ' +
  '[click](https://evil.example) <https://evil.example|click> > quote # head | pipe';

/** A document with the hostile string in every place a plain string can go. */
export function hostileDocument(): Document {
  return documentOf(
    HOSTILE,
    [
      { kind: 'heading', text: HOSTILE },
      { kind: 'text', text: HOSTILE },
      { kind: 'text', text: HOSTILE, tone: 'muted' },
      { kind: 'notice', text: HOSTILE },
      { kind: 'fields', items: [{ label: HOSTILE, value: HOSTILE }] },
      { kind: 'table', columns: [HOSTILE, 'x'], rows: [[HOSTILE, HOSTILE]] },
      { kind: 'bullets', items: [HOSTILE] },
      { kind: 'headlines', items: [headline(HOSTILE, { source: HOSTILE, when: HOSTILE })] },
      { kind: 'image', image: { name: HOSTILE, alt: HOSTILE, png: new Uint8Array(), width: 1, height: 1 } },
    ],
    [{ text: HOSTILE }, { text: HOSTILE, warning: true }],
  );
}
