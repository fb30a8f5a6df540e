import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block, Document, HeadlineItem } from '../../src/domain/document.ts';
import { renderDiscord } from '../../src/render/discord/render-discord.ts';
import { renderSlack } from '../../src/render/slack/render-slack.ts';
import { discordTexts, discordViolations, slackTexts, slackViolations } from './platform-limits.ts';
import { documentOf, headline } from './sample-documents.ts';

const specials = fc.constantFrom(
  '*',
  '_',
  '~',
  '`',
  '|',
  '<',
  '>',
  '&',
  '\\',
  '[',
  ']',
  '(',
  ')',
  '#',
  '-',
  '@everyone',
  '<!channel>',
  '\n',
  ' ',
  'é',
  '日本',
  '😀',
  '\u0000',
  '\u202E',
);
const piece = fc.oneof(fc.string({ maxLength: 12, unit: 'grapheme' }), specials);
const shortText = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''));
/** Up to ~12,000 characters built by repetition, so huge strings stay cheap to generate. */
const longText = fc
  .tuple(shortText, fc.integer({ min: 1, max: 1_500 }))
  .map(([text, times]) => (text === '' ? 'x' : text).repeat(times).slice(0, 12_000));
const text = fc.oneof(
  { weight: 4, arbitrary: shortText },
  { weight: 1, arbitrary: longText },
  fc.constant(''),
);

/** Mostly small arrays, sometimes hundreds of items (fast-check keeps arrays short unless asked). */
function manyOf<T>(arb: fc.Arbitrary<T>, maxLength: number): fc.Arbitrary<T[]> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.array(arb, { maxLength }) },
    { weight: 1, arbitrary: fc.array(arb, { maxLength, size: 'max' }) },
  );
}

const url = fc.oneof(
  fc.webUrl(),
  fc.constant('https://example.com/a|b(c)>d'),
  fc.constant('javascript:alert(1)'),
  fc.integer({ min: 1, max: 3_000 }).map((n) => `https://example.com/${'p'.repeat(n)}`),
  shortText,
);
const headlineItem: fc.Arbitrary<HeadlineItem> = fc
  .record({ title: text, url, source: text, when: fc.option(text, { nil: undefined }) })
  .map(({ when, ...rest }) => (when === undefined ? rest : { ...rest, when }));

const block: fc.Arbitrary<Block> = fc.oneof(
  text.map((t) => ({ kind: 'heading' as const, text: t })),
  fc.record({ text, muted: fc.boolean() }).map(({ text: t, muted }) => ({
    kind: 'text' as const,
    text: t,
    tone: muted ? ('muted' as const) : ('normal' as const),
  })),
  text.map((t) => ({ kind: 'notice' as const, text: t })),
  manyOf(fc.record({ label: text, value: text }), 40).map((items) => ({ kind: 'fields' as const, items })),
  fc
    .record({
      columns: fc.array(shortText, { maxLength: 8 }),
      rows: manyOf(fc.array(text, { maxLength: 9 }), 400),
      align: fc.array(fc.constantFrom('left' as const, 'right' as const), { maxLength: 8 }),
    })
    .map((table) => ({ kind: 'table' as const, ...table })),
  manyOf(text, 120).map((items) => ({ kind: 'bullets' as const, items })),
  manyOf(headlineItem, 400).map((items) => ({ kind: 'headlines' as const, items })),
  fc.record({ name: shortText, alt: text }).map((image) => ({
    kind: 'image' as const,
    image: { ...image, png: new Uint8Array(), width: 1, height: 1 },
  })),
  fc.constant({ kind: 'divider' as const }),
);

/** Every headline title starts with a unique marker, so the test can find each one afterwards. */
function markHeadlines(doc: Document): { doc: Document; markers: string[] } {
  const markers: string[] = [];
  const blocks = doc.blocks.map((b): Block => {
    if (b.kind !== 'headlines') return b;
    return {
      ...b,
      items: b.items.map((item) => {
        const marker = `hl${markers.length}z`;
        markers.push(marker);
        return { ...item, title: `${marker} ${item.title}` };
      }),
    };
  });
  return { doc: { ...doc, blocks }, markers };
}

const documentArb = fc
  .record({
    title: text,
    blocks: fc.array(block, { maxLength: 12 }),
    footer: manyOf(fc.record({ text, warning: fc.boolean() }), 15),
  })
  .map(markHeadlines);

const RUNS = { numRuns: 120 };

describe('rendering within platform limits', () => {
  it('keeps every Slack message within every Block Kit limit', () => {
    fc.assert(
      fc.property(documentArb, ({ doc }) => {
        const messages = renderSlack(doc);
        expect(messages.length).toBeGreaterThan(0);
        for (const message of messages) expect(slackViolations(message)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('keeps every Discord message within every embed limit', () => {
    fc.assert(
      fc.property(documentArb, ({ doc }) => {
        const messages = renderDiscord(doc);
        expect(messages.length).toBeGreaterThan(0);
        for (const message of messages) expect(discordViolations(message)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('keeps every headline title, at least truncated, on both platforms', () => {
    fc.assert(
      fc.property(documentArb, ({ doc, markers }) => {
        const slack = slackTexts(renderSlack(doc));
        const discord = discordTexts(renderDiscord(doc));
        for (const marker of markers) {
          expect(slack).toContain(marker);
          expect(discord).toContain(marker);
        }
      }),
      RUNS,
    );
  });

  it('splits hundreds of headlines across messages without cutting one in half', () => {
    const items = Array.from({ length: 600 }, (_, i) =>
      headline(`Headline number ${i} about JGB yields and the BOJ`, { url: `https://example.com/news/${i}` }),
    );
    const doc = documentOf('Headlines', [{ kind: 'headlines', items }]);
    const slack = renderSlack(doc);
    const discord = renderDiscord(doc);
    expect(slack.length).toBeGreaterThan(1);
    expect(discord.length).toBeGreaterThan(1);
    const slackText = slackTexts(slack);
    const discordText = discordTexts(discord);
    for (const item of items) {
      expect(slackText).toContain(`|${item.title}> — Reuters (08:12 JST)`);
      expect(discordText).toContain(`[${item.title}](${item.url}) — Reuters · 08:12 JST`);
    }
    expect(slack.map((m) => m.text)).toContain(`Headlines (2/${slack.length})`);
  });

  it('renders an empty document as one message with one block or embed', () => {
    const doc = documentOf('', [
      { kind: 'bullets', items: [] },
      { kind: 'text', text: '   ' },
    ]);
    const slack = renderSlack(doc);
    const discord = renderDiscord(doc);
    expect(slack).toHaveLength(1);
    expect(slack[0]?.blocks).toHaveLength(1);
    expect(slackViolations(slack[0] ?? { text: '', blocks: [] })).toEqual([]);
    expect(discord).toHaveLength(1);
    expect(discord[0]?.embeds).toHaveLength(1);
  });

  it('repeats the column header on every part of a table too long for one block', () => {
    const rows = Array.from({ length: 500 }, (_, i) => [`${i + 1}Y`, `${(i / 100).toFixed(3)}%`]);
    const doc = documentOf('Curve', [
      { kind: 'table', columns: ['Tenor', 'Yield'], rows, align: ['left', 'right'] },
    ]);
    const sections = renderSlack(doc).flatMap((m) => m.blocks.filter((b) => b.type === 'section'));
    expect(sections.length).toBeGreaterThan(1);
    for (const section of sections) {
      expect('text' in section && section.text.text.startsWith('```\nTenor')).toBe(true);
    }
  });

  it('moves a heading that would end a full Slack message to the next one, with its content', () => {
    const dividers = Array.from({ length: 49 }, () => ({ kind: 'divider' as const }));
    const doc = documentOf('', [
      ...dividers,
      { kind: 'heading', text: 'Oil' },
      { kind: 'text', text: 'WTI 80.1' },
    ]);
    const [first, second] = renderSlack(doc);
    expect(first?.blocks).toHaveLength(49);
    expect(second?.blocks.map((b) => b.type)).toEqual(['section', 'section']);
    expect(slackTexts(second ? [second] : [])).toBe('*Oil*\nWTI 80.1');
  });
});
