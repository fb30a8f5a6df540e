import { createBriefFormat } from '../briefing/brief-format.ts';
import type { Snapshot } from '../briefing/snapshot.ts';
import { analyseLevel, curveSpreads, type Extreme, tenorSeries, toBp } from '../domain/analytics.ts';
import { addDays, type IsoDate } from '../domain/dates.ts';
import { isQuoteOutdated } from '../domain/freshness.ts';
import { ASSET_INFO, ASSETS, type Market, type Tenor } from '../domain/instruments.ts';
import { getOrCreate } from '../domain/memo.ts';
import { isCurveOutdated } from '../market/curve-freshness.ts';

/**
 * One figure the summary may state. The model sees `id` and `text` and writes `{{id}}`; code puts
 * `text` in its place, so every figure in a summary is formatted exactly as the rest of the brief.
 */
export interface Fact {
  /** Snake case, named after what it is: `jgb_40y_change_bp`, `gold_change_pct`. */
  readonly id: string;
  /** What the figure is, in words, for the model. */
  readonly label: string;
  /** A change has a sign that the words around it must agree with; a level or a date has none. */
  readonly kind: 'level' | 'change' | 'date';
  readonly value: number | IsoDate;
  readonly unit: string;
  /** The figure as the brief shows it ("+18.0 bp", "3.901%", "Feb 5, 1999"). */
  readonly text: string;
  readonly source: string;
  /** A market date, or an instant in ISO 8601 UTC. */
  readonly asOf: string;
}

/** A headline the summary may cite as `[h3]`; code fills in its source and link. */
export interface HeadlineRef {
  readonly id: string;
  readonly title: string;
  readonly source: string;
  readonly url: string;
  readonly publishedAt?: Date;
}

export interface FactSheet {
  readonly facts: readonly Fact[];
  readonly headlines: readonly HeadlineRef[];
}

export interface FactSheetOptions {
  /** The brief's locale: facts are formatted as its figures are. */
  readonly locale: string;
  readonly sigmaWindowDays: number;
}

/** The tenors a desk reads a curve by; the 40Y is where super-long stress shows first. */
export const KEY_TENORS: Readonly<Record<Market, readonly Tenor[]>> = {
  jp: ['2y', '5y', '10y', '20y', '30y', '40y'],
  us: ['2y', '10y', '30y'],
};
const PREFIX: Readonly<Record<Market, string>> = { jp: 'jgb', us: 'ust' };
const NAME: Readonly<Record<Market, string>> = { jp: 'JGB', us: 'UST' };
const YIELD_DECIMALS: Readonly<Record<Market, number>> = { jp: 3, us: 2 };
/** As in the brief: σ is stated from 3, a "highest since" only for a stretch of 90 days or more. */
const SIGMA_SHOWN_FROM = 3;
const EXTREME_MIN_DAYS = 90;
/** Headlines the model may cite: market news of the last three days, newest first. */
const MAX_HEADLINES = 12;
const HEADLINE_MAX_AGE_MS = 72 * 3_600_000;
const TITLE_MAX_CHARS = 200;

/**
 * Every current figure of a snapshot the summary may use, and the headlines it may cite. Parts whose
 * source failed or whose data is out of date are left out: a summary must not state a stale figure
 * as today's. Built once per snapshot and locale, however many channels ask.
 */
export function buildFactSheet(snapshot: Snapshot, options: FactSheetOptions): FactSheet {
  const key = `${options.locale}|${options.sigmaWindowDays}`;
  const bySnapshot = getOrCreate(memo, snapshot, () => new Map<string, FactSheet>());
  const found = bySnapshot.get(key);
  if (found) return found;
  const format = createBriefFormat(options.locale, 'UTC');
  const facts = [
    ...curveFacts(snapshot, 'jp', format, options.sigmaWindowDays),
    ...curveFacts(snapshot, 'us', format, options.sigmaWindowDays),
    ...priceFacts(snapshot, format),
  ];
  const sheet: FactSheet = { facts, headlines: headlineRefs(snapshot) };
  bySnapshot.set(key, sheet);
  return sheet;
}

const memo = new WeakMap<Snapshot, Map<string, FactSheet>>();

type Format = ReturnType<typeof createBriefFormat>;

function curveFacts(snapshot: Snapshot, market: Market, format: Format, window: number): Fact[] {
  const part = snapshot.curves[market];
  if (!part.ok) return [];
  const history = part.value.value;
  const last = history.rows.at(-1);
  if (!last || isCurveOutdated(market, last.date, snapshot.takenAt)) return [];
  const source = part.value.source.name;
  const facts: Fact[] = [];
  const fact = (id: string, rest: Omit<Fact, 'id' | 'source' | 'asOf'>, asOf: string = last.date) =>
    facts.push({ id: `${PREFIX[market]}_${id}`, ...rest, source, asOf });

  for (const tenor of KEY_TENORS[market]) {
    const series = tenorSeries(history, tenor);
    if (series.at(-1)?.date !== last.date) continue;
    const a = analyseLevel(series, series.length - 1, window);
    const name = `${NAME[market]} ${tenor.toUpperCase()}`;
    fact(`${tenor}_yield`, {
      label: `${name} yield`,
      kind: 'level',
      value: a.value,
      unit: 'percent',
      text: format.yieldLevel(a.value, YIELD_DECIMALS[market]),
    });
    if (a.change !== undefined && a.previous)
      fact(`${tenor}_change_bp`, {
        label: `${name} yield change since ${a.previous.date}, the previous business day`,
        kind: 'change',
        value: toBp(a.change),
        unit: 'bp',
        text: format.bpChange(a.change),
      });
    if (a.changeWeek !== undefined && a.weekAgo)
      fact(`${tenor}_change_1w_bp`, {
        label: `${name} yield change over one week (since ${a.weekAgo.date})`,
        kind: 'change',
        value: toBp(a.changeWeek),
        unit: 'bp',
        text: format.bpChange(a.changeWeek),
      });
    if (a.sigma !== undefined && Math.abs(a.sigma) >= SIGMA_SHOWN_FROM)
      fact(`${tenor}_sigma`, {
        label: `${name} daily change in standard deviations of the previous ${window} daily changes`,
        kind: 'change',
        value: Math.round(a.sigma * 10) / 10,
        unit: 'sigma',
        text: format.sigma(a.sigma),
      });
    const extreme = [a.highest, a.lowest].find(
      (e) => (e.record && history.complete) || (!e.record && e.since < addDays(last.date, -EXTREME_MIN_DAYS)),
    );
    if (extreme)
      fact(`${tenor}_${extreme.kind}_since`, {
        label: extremeLabel(name, extreme),
        kind: 'date',
        value: extreme.since,
        unit: 'date',
        text: format.date(extreme.since),
      });
  }
  for (const spread of curveSpreads(last, history.rows.at(-2))) {
    fact(`${spread.name}_bp`, {
      label: `${NAME[market]} ${spread.name} spread (long minus short yield)`,
      kind: 'level',
      value: spread.bp,
      unit: 'bp',
      text: format.bp(spread.bp),
    });
    if (spread.changeBp !== undefined)
      fact(`${spread.name}_change_bp`, {
        label: `${NAME[market]} ${spread.name} spread change since the previous business day`,
        kind: 'change',
        value: spread.changeBp,
        unit: 'bp',
        text: format.bp(spread.changeBp),
      });
  }
  return facts;
}

function extremeLabel(name: string, extreme: Extreme): string {
  const word = extreme.kind === 'highest' ? 'high' : 'low';
  return extreme.record
    ? `${name} yield is a record ${word}: the data begin on this date`
    : `${name} yield is the ${extreme.kind} since this date`;
}

function priceFacts(snapshot: Snapshot, format: Format): Fact[] {
  const facts: Fact[] = [];
  for (const asset of ASSETS) {
    const part = snapshot.quotes[asset];
    if (!part.ok || isQuoteOutdated(part.value.value, snapshot.takenAt)) continue;
    const quote = part.value.value;
    const info = ASSET_INFO[asset];
    const common = { source: quote.source.name, asOf: quote.asOf.toISOString() };
    const contract = quote.contract ? `, ${quote.contract}` : '';
    facts.push({
      id: `${asset}_price`,
      label: `${info.label} price (${quote.kind}${contract})`,
      kind: 'level',
      value: quote.price,
      unit: info.unit,
      text: format.price(quote.price, info.decimals),
      ...common,
    });
    const reference = quote.reference;
    if (reference && reference.price !== 0)
      facts.push({
        id: `${asset}_change_pct`,
        label: `${info.label} change since the ${reference.label}`,
        kind: 'change',
        value: Math.round(((quote.price - reference.price) / reference.price) * 10_000) / 100,
        unit: 'percent',
        text: format.percentChange(reference.price, quote.price),
        ...common,
      });
  }
  return facts;
}

function headlineRefs(snapshot: Snapshot): HeadlineRef[] {
  const part = snapshot.headlines;
  if (!part.ok) return [];
  const oldest = snapshot.takenAt.getTime() - HEADLINE_MAX_AGE_MS;
  return part.value.value.headlines
    .filter((h) => h.topics.length > 0 && (h.publishedAt === undefined || h.publishedAt.getTime() >= oldest))
    .slice(0, MAX_HEADLINES)
    .map((h, i) => ({
      id: `h${i + 1}`,
      title: oneLine(h.title, TITLE_MAX_CHARS),
      source: oneLine(h.source, 80),
      url: h.url,
      ...(h.publishedAt ? { publishedAt: h.publishedAt } : {}),
    }));
}

/** Feed text on one line, without control or bidi characters, clipped. */
function oneLine(text: string, maxChars: number): string {
  const clean = text
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return clean.length > maxChars ? `${clean.slice(0, maxChars - 1)}…` : clean;
}
