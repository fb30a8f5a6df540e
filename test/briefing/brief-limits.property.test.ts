import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BriefSummary } from '../../src/briefing/brief-summary.ts';
import { composeBrief } from '../../src/briefing/compose-brief.ts';
import type { Part, Snapshot } from '../../src/briefing/snapshot.ts';
import { loadTemplateLibrary, type TemplateLibrary } from '../../src/briefing/template-library.ts';
import { addDays } from '../../src/domain/dates.ts';
import { ASSETS, type Asset, type Market, TENORS_BY_MARKET } from '../../src/domain/instruments.ts';
import { type CurveHistory, type Headline, type Quote, TOPICS } from '../../src/domain/market-data.ts';
import type { HeadlineSet } from '../../src/market/market-service.ts';
import { renderDiscord } from '../../src/render/discord/render-discord.ts';
import { renderMarkdown } from '../../src/render/render-markdown.ts';
import { renderText } from '../../src/render/render-text.ts';
import { renderSlack } from '../../src/render/slack/render-slack.ts';
import { discordViolations, slackViolations } from '../render/platform-limits.ts';

/**
 * Random snapshots (sources failing at random, hundreds of headlines, headlines thousands of
 * characters long and full of markup, long LLM summaries) composed with every built-in template
 * never give a payload over a Slack or Discord limit, and never an empty message.
 */
let library: TemplateLibrary;
beforeAll(async () => {
  library = await loadTemplateLibrary();
});

const specials = fc.constantFrom(
  '*',
  '_',
  '`',
  '|',
  '<',
  '>',
  '&',
  '@everyone',
  '<!channel>',
  '\n',
  ' ',
  '日本',
  '😀',
  '\u202E',
);
const piece = fc.oneof(fc.string({ maxLength: 10, unit: 'grapheme' }), specials);
const shortText = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(''));
const longText = fc
  .tuple(shortText, fc.integer({ min: 1, max: 1_500 }))
  .map(([text, times]) => (text === '' ? 'y' : text).repeat(times).slice(0, 12_000));
const text = fc.oneof({ weight: 4, arbitrary: shortText }, { weight: 1, arbitrary: longText });

const failed = fc.constant({ ok: false, reason: 'down' } as const);
const sourced = <T>(value: T, at: Date) => ({
  value,
  source: { id: 's', name: 'Source' },
  fetchedAt: at,
  stale: false,
});
const yieldValue = fc.double({ min: -5, max: 60, noNaN: true });

function curve(market: Market, lastDate: string): fc.Arbitrary<Part<CurveHistory>> {
  const row = fc.dictionary(fc.constantFrom(...TENORS_BY_MARKET[market]), yieldValue, { maxKeys: 15 });
  return fc.oneof(
    failed,
    fc.array(row, { maxLength: 90 }).map((rows) => ({
      ok: true as const,
      value: sourced(
        {
          market,
          rows: rows.map((yields, i) => ({ date: addDays(lastDate, i - rows.length + 1), yields })),
          source: { id: market, name: 'Curve source' },
          complete: false,
        },
        new Date(`${lastDate}T12:00:00Z`),
      ),
    })),
  );
}

function quote(asset: Asset, takenAt: Date): fc.Arbitrary<Part<Quote>> {
  const price = fc.double({ min: 1e-6, max: 1e12, noNaN: true });
  return fc.oneof(
    failed,
    fc
      .record({
        price,
        reference: fc.option(price, { nil: undefined }),
        ageMs: fc.integer({ min: 0, max: 30 * 86_400_000 }),
        kind: fc.constantFrom('spot', 'futures', 'delayed', 'end-of-day' as const),
      })
      .map(({ price: p, reference, ageMs, kind }) => {
        const value: Quote = {
          asset,
          price: p,
          ...(reference === undefined ? {} : { reference: { price: reference, label: 'previous close' } }),
          asOf: new Date(takenAt.getTime() - ageMs),
          kind,
          source: { id: 'q', name: 'Quote source' },
        };
        return { ok: true as const, value: sourced(value, takenAt) };
      }),
  );
}

function headlines(takenAt: Date): fc.Arbitrary<Part<HeadlineSet>> {
  const headline = fc
    .record({
      id: fc.string(),
      title: text,
      url: fc.oneof(fc.webUrl(), fc.constant('javascript:alert(1)'), shortText),
      source: text,
      ageMs: fc.option(fc.integer({ min: 0, max: 5 * 86_400_000 }), { nil: undefined }),
      topics: fc.subarray([...TOPICS]),
    })
    .map(
      ({ ageMs, ...rest }): Headline =>
        ageMs === undefined ? rest : { ...rest, publishedAt: new Date(takenAt.getTime() - ageMs) },
    );
  const list = fc.oneof(
    { weight: 3, arbitrary: fc.array(headline, { maxLength: 40 }) },
    { weight: 1, arbitrary: fc.array(headline, { maxLength: 400, size: 'max' }) },
  );
  return fc.oneof(
    failed,
    fc
      .tuple(
        list,
        fc.array(
          text.map((name) => ({ id: 'f', name })),
          { maxLength: 5 },
        ),
      )
      .map(([items, failedFeeds]) => ({
        ok: true as const,
        value: sourced({ headlines: items, failed: failedFeeds }, takenAt),
      })),
  );
}

const snapshotArb: fc.Arbitrary<Snapshot> = fc
  .record({
    dayOffset: fc.integer({ min: 0, max: 3_000 }),
    lagDays: fc.integer({ min: 0, max: 20 }),
    replay: fc.boolean(),
  })
  .chain(({ dayOffset, lagDays, replay }) => {
    const lastDate = addDays('2018-01-01', dayOffset);
    const takenAt = new Date(`${addDays(lastDate, lagDays)}T00:30:00Z`);
    const quotes = Object.fromEntries(ASSETS.map((asset) => [asset, quote(asset, takenAt)])) as Record<
      Asset,
      fc.Arbitrary<Part<Quote>>
    >;
    return fc
      .record({
        jp: curve('jp', lastDate),
        us: curve('us', lastDate),
        quotes: fc.record(quotes),
        headlines: headlines(takenAt),
      })
      .map(
        ({ jp, us, quotes: q, headlines: h }): Snapshot => ({
          takenAt,
          curves: { jp, us },
          quotes: q,
          headlines: h,
          ...(replay ? { asOf: lastDate } : {}),
        }),
      );
  });

const summaryArb: fc.Arbitrary<BriefSummary | undefined> = fc.oneof(
  fc.constant(undefined),
  text.map((t) => ({ kind: 'summary' as const, text: t })),
  text.map((reason) => ({ kind: 'withheld' as const, reason })),
);

const caseArb = fc.record({
  snapshot: snapshotArb,
  template: fc.constantFrom('morning', 'five-things', 'close', 'morning.ja'),
  summary: summaryArb,
  timeZone: fc.constantFrom('Asia/Tokyo', 'America/New_York', 'Europe/London', 'UTC'),
  locale: fc.constantFrom(undefined, 'en-US', 'ja-JP', 'de-DE'),
});

describe('composed briefs within platform limits', () => {
  it('never exceed a Slack or Discord limit and are never empty, whatever the snapshot holds', () => {
    fc.assert(
      fc.property(caseArb, ({ snapshot, template: name, summary, timeZone, locale }) => {
        const template = library.get(name);
        if (!template) throw new Error(`no template ${name}`);
        const doc = composeBrief({
          snapshot,
          template,
          timeZone,
          ...(locale ? { locale } : {}),
          ...(summary ? { summary } : {}),
        });
        expect(doc.title.trim()).not.toBe('');
        expect(doc.blocks.length).toBeGreaterThan(0);
        const slack = renderSlack(doc);
        expect(slack.length).toBeGreaterThan(0);
        for (const message of slack) expect(slackViolations(message)).toEqual([]);
        const discord = renderDiscord(doc);
        expect(discord.length).toBeGreaterThan(0);
        for (const message of discord) expect(discordViolations(message)).toEqual([]);
        expect(renderText(doc).trim()).not.toBe('');
        expect(renderMarkdown(doc).trim()).not.toBe('');
      }),
      { numRuns: 150 },
    );
  });
});
