import { curveSpreads, rowOnOrBefore } from '../domain/analytics.ts';
import type { Block, FooterNote, HeadlineItem } from '../domain/document.ts';
import { formatBpChange, formatInstant, formatPercentChange, formatPrice, signed } from '../domain/format.ts';
import { isCurveOutdated, isQuoteOutdated } from '../domain/freshness.ts';
import { ASSET_INFO, ASSETS, type Market, TENORS_BY_MARKET, type Tenor } from '../domain/instruments.ts';
import type { Headline } from '../domain/market-data.ts';
import type { Snapshot } from './snapshot.ts';

/**
 * Section builders shared by every briefing: each turns one part of the snapshot into blocks and
 * footer notes, or into a notice when its source failed, so one outage never sinks the brief.
 */
export interface Section {
  readonly blocks: readonly Block[];
  readonly footer: readonly FooterNote[];
}

const CURVE_TITLE: Readonly<Record<Market, string>> = { jp: 'JGB curve', us: 'US Treasuries' };
const KEY_TENORS: Readonly<Record<Market, readonly Tenor[]>> = {
  jp: ['2y', '5y', '10y', '20y', '30y', '40y'],
  us: ['2y', '10y', '30y'],
};
const DECIMALS: Readonly<Record<Market, number>> = { jp: 3, us: 2 };

export function curveSection(
  snapshot: Snapshot,
  market: Market,
  tenors: readonly Tenor[] = KEY_TENORS[market],
): Section {
  const part = snapshot.curves[market];
  if (!part.ok) {
    return {
      blocks: [
        { kind: 'heading', text: CURVE_TITLE[market] },
        { kind: 'notice', text: `${CURVE_TITLE[market]} unavailable: the source did not answer.` },
      ],
      footer: [{ text: `${CURVE_TITLE[market]}: unavailable`, warning: true }],
    };
  }
  const history = part.value.value;
  const last = history.rows.at(-1);
  if (!last)
    return { blocks: [{ kind: 'notice', text: `${CURVE_TITLE[market]}: no data yet.` }], footer: [] };
  const { previous } = rowOnOrBefore(history, last.date);
  const decimals = DECIMALS[market];
  const rows = tenors
    .filter((t) => TENORS_BY_MARKET[market].includes(t) && last.yields[t] !== undefined)
    .map((t) => {
      const now = last.yields[t] ?? 0;
      const before = previous?.yields[t];
      return [
        t.toUpperCase(),
        `${now.toFixed(decimals)}%`,
        before === undefined ? '–' : formatBpChange(now - before),
      ];
    });
  const spreads = curveSpreads(last, previous).map(
    (s) => `${s.name} ${signed(s.bp, 1)} bp${s.changeBp === undefined ? '' : ` (${signed(s.changeBp, 1)})`}`,
  );
  const footer: FooterNote[] = [
    { text: `${CURVE_TITLE[market]}: ${part.value.source.name}, end-of-day, as of ${last.date}` },
  ];
  if (isCurveOutdated(market, last.date, snapshot.takenAt) || part.value.stale) {
    footer.push({ text: `${CURVE_TITLE[market]} is stale: latest data ${last.date}`, warning: true });
  }
  return {
    blocks: [
      { kind: 'heading', text: `${CURVE_TITLE[market]} (${last.date})` },
      { kind: 'table', columns: ['Tenor', 'Yield', 'Chg'], rows, align: ['left', 'right', 'right'] },
      ...(spreads.length > 0
        ? [{ kind: 'text' as const, text: `Spreads: ${spreads.join(' · ')}`, tone: 'muted' as const }]
        : []),
    ],
    footer,
  };
}

export function pricesSection(
  snapshot: Snapshot,
  assets: readonly (typeof ASSETS)[number][] = ASSETS,
): Section {
  const rows: string[][] = [];
  const footer: FooterNote[] = [];
  const missing: string[] = [];
  for (const asset of assets) {
    const info = ASSET_INFO[asset];
    const part = snapshot.quotes[asset];
    if (!part.ok) {
      missing.push(info.label);
      continue;
    }
    const quote = part.value.value;
    const change = quote.reference ? formatPercentChange(quote.reference.price, quote.price) : '–';
    rows.push([info.label, formatPrice(quote.price, info.decimals), change]);
    const stale = part.value.stale || isQuoteOutdated(quote, snapshot.takenAt);
    footer.push({
      text: `${info.label}: ${quote.source.name}, ${quote.kind}, as of ${formatInstant(quote.asOf)}${stale ? ' (stale)' : ''}`,
      ...(stale ? { warning: true } : {}),
    });
  }
  const blocks: Block[] = [{ kind: 'heading', text: 'Markets' }];
  if (rows.length > 0)
    blocks.push({
      kind: 'table',
      columns: ['Asset', 'Last', 'Chg'],
      rows,
      align: ['left', 'right', 'right'],
    });
  if (missing.length > 0) {
    blocks.push({ kind: 'notice', text: `Unavailable: ${missing.join(', ')} (source did not answer).` });
    footer.push({ text: `Unavailable: ${missing.join(', ')}`, warning: true });
  }
  return { blocks, footer };
}

export function headlinesSection(snapshot: Snapshot, timeZone: string, limit = 5, perTopic = 2): Section {
  const part = snapshot.headlines;
  if (!part.ok) {
    return {
      blocks: [
        { kind: 'heading', text: 'Headlines' },
        { kind: 'notice', text: 'Headlines unavailable: no feed answered.' },
      ],
      footer: [{ text: 'Headlines: unavailable', warning: true }],
    };
  }
  const picked = pickHeadlines(part.value.value.headlines, limit, perTopic);
  const blocks: Block[] = [{ kind: 'heading', text: 'Headlines' }];
  blocks.push(
    picked.length > 0
      ? { kind: 'headlines', items: picked.map((h) => toHeadlineItem(h, timeZone)) }
      : { kind: 'notice', text: 'No recent headlines.' },
  );
  const sources = [...new Set(picked.map((h) => h.source))];
  return {
    blocks,
    footer:
      sources.length > 0
        ? [{ text: `Headlines: ${sources.join(', ')}, fetched ${formatInstant(part.value.fetchedAt)}` }]
        : [],
  };
}

/** Newest first, at most `perTopic` per first topic, so one busy story does not crowd out the rest. */
export function pickHeadlines(headlines: readonly Headline[], limit: number, perTopic: number): Headline[] {
  const perTopicCount = new Map<string, number>();
  const picked: Headline[] = [];
  for (const headline of headlines) {
    if (picked.length >= limit) break;
    const topic = headline.topics[0] ?? 'other';
    const count = perTopicCount.get(topic) ?? 0;
    if (count >= perTopic) continue;
    perTopicCount.set(topic, count + 1);
    picked.push(headline);
  }
  return picked;
}

export function toHeadlineItem(headline: Headline, timeZone: string): HeadlineItem {
  return {
    title: headline.title,
    url: headline.url,
    source: headline.source,
    ...(headline.publishedAt ? { when: formatInstant(headline.publishedAt, timeZone) } : {}),
  };
}
