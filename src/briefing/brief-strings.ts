import type { Asset, Market, Tenor } from '../domain/instruments.ts';
import type { QuoteKind } from '../domain/market-data.ts';

/**
 * The words code puts into a brief (section headings, table columns, notices, footer notes), per
 * language. Templates carry their own wording; these are what the data sections say around it.
 */
export interface BriefStrings {
  readonly curve: Readonly<Record<Market, string>>;
  readonly tenor: (tenor: Tenor) => string;
  /** A market's tenor by its short name ("JGB 40Y", "国債40年"). */
  readonly marketTenor: (market: Market, tenor: Tenor) => string;
  readonly markets: string;
  readonly headlines: string;
  readonly asset: Readonly<Record<Asset, string>>;
  readonly kind: Readonly<Record<QuoteKind, string>>;
  readonly columns: {
    readonly tenor: string;
    readonly yield: string;
    readonly changeBp: string;
    readonly asset: string;
    readonly last: string;
    readonly change: string;
  };
  readonly spreads: string;
  readonly list: (items: readonly string[]) => string;
  /** The source failed: what the reader sees in place of a section or a figure. */
  readonly unavailable: string;
  /** A past-date replay of a part that has no history yet. */
  readonly notForPastDates: string;
  readonly noData: string;
  readonly staleData: (date: string) => string;
  readonly noHeadlines: string;
  readonly sectionUnavailable: (name: string, why: string) => string;
  readonly someUnavailable: (names: string, why: string) => string;
  /** Marks a figure or note as stale ("Gold (stale)"). */
  readonly markStale: (text: string) => string;
  /** The change of these prices is not from the previous close: from what, then (`/price`'s label). */
  readonly changeFrom: (names: string, label: string) => string;
  /** No change shown: the source's previous close is the contract before a futures roll. */
  readonly contractRolled: (name: string, from: string, to: string) => string;
  readonly extreme: (kind: 'highest' | 'lowest', record: boolean, date: string) => string;
  readonly curveNote: (name: string, source: string, date: string) => string;
  readonly quoteNote: (name: string, source: string, kind: string, asOf: string) => string;
  readonly headlineNote: (sources: string, fetched: string) => string;
  readonly feedsFailed: (names: string) => string;
  readonly curveStale: (name: string, date: string) => string;
  /** The curve's last refresh failed: the figures are the last ones fetched, at `fetched`. */
  readonly curveRefreshFailed: (name: string, fetched: string) => string;
  readonly summaryWithheld: (reason: string) => string;
  readonly replay: (date: string) => string;
  /** Heading of the alerts that fired since the channel's last brief. */
  readonly sinceLastBrief: string;
  /**
   * Alt text of a curve chart: what it compares, the figures at the section's tenors and the
   * source, so a reader without images loses nothing. Dates are ISO, as the picture shows them.
   */
  readonly curveChartAlt: (
    name: string,
    today: string,
    past: string,
    points: readonly string[],
    source: string,
  ) => string;
  readonly curveChartPoint: (tenor: string, level: string, change: string) => string;
  /** Alt text of the price sparklines: the window, each price's first and last close, the sources. */
  readonly sparklinesAlt: (days: number, trails: readonly string[], sources: string) => string;
  readonly sparklineTrail: (
    name: string,
    first: string,
    last: string,
    change: string,
    from: string,
    to: string,
  ) => string;
}

const EN: BriefStrings = {
  curve: { jp: 'JGB curve', us: 'US Treasuries' },
  tenor: (tenor) => tenor.toUpperCase(),
  marketTenor: (market, tenor) => `${market === 'jp' ? 'JGB' : 'UST'} ${tenor.toUpperCase()}`,
  markets: 'Markets',
  headlines: 'Headlines',
  asset: {
    gold: 'Gold',
    silver: 'Silver',
    wti: 'WTI crude',
    brent: 'Brent crude',
    xrp: 'XRP',
    btc: 'Bitcoin',
    usdjpy: 'USD/JPY',
  },
  kind: { spot: 'spot', futures: 'futures', delayed: 'delayed', 'end-of-day': 'end-of-day' },
  columns: {
    tenor: 'Tenor',
    yield: 'Yield',
    changeBp: 'Chg bp',
    asset: 'Asset',
    last: 'Last',
    change: 'Chg',
  },
  spreads: 'Spreads (bp)',
  list: (items) => items.join(', '),
  unavailable: 'the source did not answer',
  notForPastDates: 'not available for past dates',
  noData: 'no data yet',
  staleData: (date) => `the latest data is from ${date} (stale)`,
  noHeadlines: 'No recent headlines.',
  sectionUnavailable: (name, why) => `${name} unavailable: ${why}.`,
  someUnavailable: (names, why) => `Unavailable: ${names} (${why}).`,
  markStale: (text) => `${text} (stale)`,
  changeFrom: (names, label) => `${names}: change vs ${label}.`,
  contractRolled: (name, from, to) =>
    `${name}: no change shown, the futures contract rolled from ${from} to ${to}.`,
  extreme: (kind, record, date) =>
    record ? `a record ${kind === 'highest' ? 'high' : 'low'} (data from ${date})` : `${kind} since ${date}`,
  curveNote: (name, source, date) => `${name}: ${source}, end-of-day, as of ${date}`,
  quoteNote: (name, source, kind, asOf) => `${name}: ${source}, ${kind}, as of ${asOf}`,
  headlineNote: (sources, fetched) => `Headlines: ${sources}, fetched ${fetched}`,
  feedsFailed: (names) => `Feeds not answering: ${names}`,
  curveStale: (name, date) => `${name} is stale: the latest published date is ${date}`,
  curveRefreshFailed: (name, fetched) =>
    `${name} is stale: its source did not answer; showing data fetched ${fetched}`,
  summaryWithheld: (reason) => `Summary withheld: ${reason}`,
  sinceLastBrief: 'Since the last brief',
  curveChartAlt: (name, today, past, points, source) =>
    `${name} ${today} vs ${past}${points.length > 0 ? `: ${points.join(', ')}` : ''}. Source: ${source}.`,
  curveChartPoint: (tenor, level, change) => `${tenor} ${level} (${change})`,
  sparklinesAlt: (days, trails, sources) =>
    `Daily closes over ${days} days: ${trails.join('; ')}. Source: ${sources}, as recorded by briefbot.`,
  sparklineTrail: (name, first, last, change, from, to) =>
    `${name} ${first} → ${last} (${change}, ${from} to ${to})`,
  replay: (date) =>
    `Replay of ${date}: curves as published up to that day; prices and headlines are not available for past dates.`,
};

const JA: BriefStrings = {
  curve: { jp: '日本国債', us: '米国債' },
  tenor: (tenor) => tenor.replace(/y$/, '年').replace(/m$/, 'カ月'),
  marketTenor: (market, tenor) => `${market === 'jp' ? '国債' : '米国債'}${JA.tenor(tenor)}`,
  markets: 'マーケット',
  headlines: 'ニュース',
  asset: {
    gold: '金',
    silver: '銀',
    wti: 'WTI原油',
    brent: 'ブレント原油',
    xrp: 'XRP',
    btc: 'ビットコイン',
    usdjpy: 'ドル円',
  },
  kind: { spot: '現物', futures: '先物', delayed: '遅延', 'end-of-day': '終値' },
  columns: {
    tenor: '年限',
    yield: '利回り',
    changeBp: '前日比bp',
    asset: '銘柄',
    last: '価格',
    change: '前日比',
  },
  spreads: 'スプレッド (bp)',
  list: (items) => items.join('、'),
  unavailable: '配信元が応答しませんでした',
  notForPastDates: '過去の日付には対応していません',
  noData: 'データがまだありません',
  staleData: (date) => `最新データは${date}（更新遅延）`,
  noHeadlines: '最近のニュースはありません。',
  sectionUnavailable: (name, why) => `${name}：取得できません（${why}）。`,
  someUnavailable: (names, why) => `取得できません：${names}（${why}）。`,
  markStale: (text) => `${text}（更新遅延）`,
  changeFrom: (names, label) => `${names}：${japaneseReference(label)}比。`,
  contractRolled: (name, from, to) => `${name}：限月交代（${from} → ${to}）のため前日比は表示しません。`,
  extreme: (kind, record, date) =>
    record
      ? `過去最${kind === 'highest' ? '高' : '低'}（${date}以降のデータ）`
      : `${date}以来の${kind === 'highest' ? '高' : '低'}水準`,
  curveNote: (name, source, date) => `${name}：${source}、終値、${date}時点`,
  quoteNote: (name, source, kind, asOf) => `${name}：${source}、${kind}、${asOf}時点`,
  headlineNote: (sources, fetched) => `ニュース：${sources}、${fetched}取得`,
  feedsFailed: (names) => `応答のないフィード：${names}`,
  curveStale: (name, date) => `${name}は更新が遅れています：最新の公表日は${date}`,
  curveRefreshFailed: (name, fetched) =>
    `${name}は更新が遅れています：配信元が応答しないため、${fetched}取得のデータを表示しています`,
  summaryWithheld: (reason) => `要約なし：${reason}`,
  sinceLastBrief: '前回のブリーフィング以降のアラート',
  curveChartAlt: (name, today, past, points, source) =>
    `${name}利回り曲線 ${today}（比較：${past}）${points.length > 0 ? `：${points.join('、')}` : ''}。出所：${source}`,
  curveChartPoint: (tenor, level, change) => `${tenor} ${level}（${change}）`,
  sparklinesAlt: (days, trails, sources) =>
    `${days}日間の日次終値：${trails.join('、')}。出所：${sources}（briefbotが記録）`,
  sparklineTrail: (name, first, last, change, from, to) =>
    `${name} ${first}→${last}（${change}、${from}〜${to}）`,
  replay: (date) =>
    `${date}の再現：金利はその日までの公表値。価格とニュースは過去の日付には対応していません。`,
};

const BY_LANGUAGE: Readonly<Record<string, BriefStrings>> = { en: EN, ja: JA };

/** The catalog for a BCP 47 locale's language; English for any language without one. */
/** The reference labels the price sources and `changeBasis` write, in Japanese. */
function japaneseReference(label: string): string {
  const recorded = /^the last price recorded on (\d{4}-\d{2}-\d{2}) \(UTC\)$/.exec(label);
  if (recorded) return `${recorded[1]}（UTC）に記録した価格`;
  const known: Readonly<Record<string, string>> = {
    '00:00 UTC open': '00:00 UTC始値',
    '24 h ago': '24時間前',
    'previous close': '前日終値',
  };
  return known[label] ?? label;
}

export function stringsFor(locale: string): BriefStrings {
  return BY_LANGUAGE[new Intl.Locale(locale).language] ?? EN;
}

/** Languages with their own catalog, for documentation and tests. */
export const BRIEF_LANGUAGES = Object.keys(BY_LANGUAGE);
