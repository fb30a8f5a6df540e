import { curveSpreads } from '../domain/analytics.ts';
import type { Block, HeadlineItem } from '../domain/document.ts';
import { formatInstant } from '../domain/format.ts';
import { ASSET_INFO, type Asset, type Market, type Tenor } from '../domain/instruments.ts';
import type { Headline, Topic } from '../domain/market-data.ts';
import type { BriefCharts } from './brief-charts.ts';
import type { BriefFormat } from './brief-format.ts';
import type { BriefStrings } from './brief-strings.ts';
import { missingText } from './brief-view.ts';
import { quoteParts } from './quote-parts.ts';
import type { Snapshot } from './snapshot.ts';

/**
 * The data sections a template names (`section: jgb-curve`). Each reads one part of the snapshot
 * and, when its source failed, says so in place, so one outage never sinks the rest of the brief.
 */
export interface SectionContext {
  readonly snapshot: Snapshot;
  readonly format: BriefFormat;
  readonly strings: BriefStrings;
  /** Headlines already in the brief: a story appears once, however many sections could show it. */
  readonly shownHeadlines: Headline[];
  /** Set once a headlines section has said the feeds are down, so later ones stay quiet. */
  headlinesNoticed: boolean;
  /** Charts drawn for this brief beforehand, by `chartKey`. */
  readonly charts: BriefCharts;
  /** Keys of the charts already placed, and the file names they went under. */
  readonly placedCharts: Set<string>;
  readonly imageNames: Set<string>;
}

const YIELD_DECIMALS: Readonly<Record<Market, number>> = { jp: 3, us: 2 };

/** A section's heading: the template's when it gives one (an empty one means none), else the default. */
function headingBlock(heading: string | undefined, fallback: string): Block[] {
  const text = heading ?? fallback;
  return text === '' ? [] : [{ kind: 'heading', text }];
}

export function curveSection(
  context: SectionContext,
  market: Market,
  tenors: readonly Tenor[],
  spreads: boolean,
  heading?: string,
): Block[] {
  const { snapshot, format, strings } = context;
  const part = snapshot.curves[market];
  const name = strings.curve[market];
  const last = part.ok ? part.value.value.rows.at(-1) : undefined;
  if (!part.ok || !last) {
    const why = part.ok ? strings.noData : missingText(part, strings);
    return [...headingBlock(heading, name), { kind: 'notice', text: strings.sectionUnavailable(name, why) }];
  }
  const previous = part.value.value.rows.at(-2);
  const rows = tenors.flatMap((tenor) => {
    const now = last.yields[tenor];
    if (now === undefined) return [];
    const before = previous?.yields[tenor];
    return [
      [
        strings.tenor(tenor),
        format.yieldLevel(now, YIELD_DECIMALS[market]),
        before === undefined ? '–' : format.signed(Math.round((now - before) * 1000) / 10, 1),
      ],
    ];
  });
  const blocks: Block[] = headingBlock(heading, `${name} (${format.date(last.date)})`);
  if (rows.length === 0)
    return [...blocks, { kind: 'notice', text: strings.sectionUnavailable(name, strings.noData) }];
  const { columns } = strings;
  blocks.push({
    kind: 'table',
    columns: [columns.tenor, columns.yield, columns.changeBp],
    rows,
    align: ['left', 'right', 'right'],
  });
  const spreadValues = spreads ? curveSpreads(last, previous) : [];
  if (spreadValues.length > 0) {
    const parts = spreadValues.map(
      (s) =>
        `${s.name} ${format.signed(s.bp, 1)}${s.changeBp === undefined ? '' : ` (${format.signed(s.changeBp, 1)})`}`,
    );
    blocks.push({ kind: 'text', text: `${strings.spreads}: ${parts.join(' · ')}`, tone: 'muted' });
  }
  return blocks;
}

/** The reference label of a change from the previous close, which the table's "Chg" means. */
const PREVIOUS_CLOSE = 'previous close';

export function pricesSection(context: SectionContext, assets: readonly Asset[], heading?: string): Block[] {
  const { snapshot, format, strings } = context;
  const { available, missing } = quoteParts(snapshot, assets, strings);
  const rows = available.map(({ asset, quote, stale }) => {
    const reference = quote.reference?.price;
    return [
      stale ? strings.markStale(strings.asset[asset]) : strings.asset[asset],
      format.price(quote.price, ASSET_INFO[asset].decimals),
      reference === undefined ? '–' : format.percentChange(reference, quote.price),
    ];
  });
  const blocks: Block[] = headingBlock(heading, strings.markets);
  const { columns } = strings;
  if (rows.length > 0) {
    blocks.push({
      kind: 'table',
      columns: [columns.asset, columns.last, columns.change],
      rows,
      align: ['left', 'right', 'right'],
    });
  }
  // "Chg" is from the previous close unless said otherwise: Kraken's is from 00:00 UTC, say.
  const byLabel = new Map<string, string[]>();
  for (const { asset, quote } of available) {
    const label = quote.reference?.label;
    if (label === undefined || label === PREVIOUS_CLOSE) continue;
    byLabel.set(label, [...(byLabel.get(label) ?? []), strings.asset[asset]]);
  }
  for (const [label, names] of byLabel) {
    blocks.push({ kind: 'text', text: strings.changeFrom(strings.list(names), label), tone: 'muted' });
  }
  for (const [why, names] of missing) {
    blocks.push({ kind: 'notice', text: strings.someUnavailable(strings.list(names), why) });
  }
  for (const { asset } of available) {
    const roll = snapshot.rolls?.[asset];
    if (roll)
      blocks.push({ kind: 'notice', text: strings.contractRolled(strings.asset[asset], roll.from, roll.to) });
  }
  return blocks;
}

export function headlinesSection(
  context: SectionContext,
  options: {
    readonly limit: number;
    readonly perTopic: number;
    readonly topics: readonly Topic[];
    readonly maxAgeHours: number;
  },
  heading?: string,
): Block[] {
  const { snapshot, format, strings } = context;
  const part = snapshot.headlines;
  const title = headingBlock(heading, strings.headlines);
  if (!part.ok) {
    if (context.headlinesNoticed) return [];
    context.headlinesNoticed = true;
    return [
      ...title,
      { kind: 'notice', text: strings.sectionUnavailable(strings.headlines, missingText(part, strings)) },
    ];
  }
  const oldest = snapshot.takenAt.getTime() - options.maxAgeHours * 3_600_000;
  const candidates = part.value.value.headlines.filter(
    (h) =>
      h.topics.some((t) => options.topics.includes(t)) &&
      (h.publishedAt === undefined || h.publishedAt.getTime() >= oldest) &&
      !context.shownHeadlines.some((shown) => sameStory(shown, h)),
  );
  const picked = pickHeadlines(candidates, options.limit, options.perTopic, options.topics);
  if (picked.length === 0) {
    // An inline list (no heading) with nothing on its theme is left out; a titled one says so.
    return title.length === 0 ? [] : [...title, { kind: 'text', text: strings.noHeadlines, tone: 'muted' }];
  }
  context.shownHeadlines.push(...picked);
  const items = picked.map((h) => ({
    title: h.title,
    url: h.url,
    source: h.source,
    ...(h.publishedAt ? { when: format.shortDateTime(h.publishedAt) } : {}),
  }));
  return [...title, { kind: 'headlines', items }];
}

/** The same story under another id: feeds re-use titles with new links more often than the reverse. */
function sameStory(a: Headline, b: Headline): boolean {
  return a.id === b.id || a.url === b.url || titleKey(a.title) === titleKey(b.title);
}

function titleKey(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * In feed order (newest first), at most `perTopic` per topic, so one busy story does not crowd out
 * the rest. A headline counts against its first topic among `topics` (any of its topics by default).
 */
export function pickHeadlines(
  headlines: readonly Headline[],
  limit: number,
  perTopic: number,
  topics?: readonly Topic[],
): Headline[] {
  const perTopicCount = new Map<string, number>();
  const picked: Headline[] = [];
  for (const headline of headlines) {
    if (picked.length >= limit) break;
    const topic = headline.topics.find((t) => topics === undefined || topics.includes(t)) ?? 'other';
    const count = perTopicCount.get(topic) ?? 0;
    if (count >= perTopic) continue;
    perTopicCount.set(topic, count + 1);
    picked.push(headline);
  }
  return picked;
}

/** A headline for `/headlines`, its time in the caller's zone. */
export function toHeadlineItem(headline: Headline, timeZone: string): HeadlineItem {
  return {
    title: headline.title,
    url: headline.url,
    source: headline.source,
    ...(headline.publishedAt ? { when: formatInstant(headline.publishedAt, timeZone) } : {}),
  };
}
