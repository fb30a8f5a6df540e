import { type CommandContext, defineCommand, publicReply } from '../src/command/command.ts';
import { isMarket, resolveDate, resolveTenor } from '../src/command/resolvers.ts';
import { tokenize } from '../src/command/tokenize.ts';
import { analyseLevel, type Extreme, indexOnOrBefore, tenorSeries } from '../src/domain/analytics.ts';
import { addDays, dateInZone, type IsoDate } from '../src/domain/dates.ts';
import type { Document, Field } from '../src/domain/document.ts';
import { formatBpChange, formatSigma, formatYield } from '../src/domain/format.ts';
import { MARKET_ZONE } from '../src/domain/freshness.ts';
import type { Market, Tenor } from '../src/domain/instruments.ts';
import type { CurveHistory } from '../src/domain/market-data.ts';
import { deepFreeze, getOrCreate } from '../src/domain/memo.ts';
import { UserError } from '../src/errors.ts';
import type { Sourced } from '../src/market/market-service.ts';
import { curveFooter, MARKET_LABEL, YIELD_DECIMALS } from './shared/curve-notes.ts';

const USAGE = '/yield [jp|us] <tenor> [YYYY-MM-DD]';

/** A "highest since" note is worth a line only when the stretch is long. */
export const LONG_STRETCH_DAYS = 90;
/** The σ figure is shown from this size up, as PRODUCT.md defines. */
export const SIGMA_SHOWN_FROM = 3;

export const yieldCommand = defineCommand({
  name: 'yield',
  summary: 'A government bond yield: level, daily, weekly and monthly change, records and big moves.',
  usage: USAGE,
  examples: ['/yield 40y', '/yield us 10y', '/yield 10y 2026-01-20'],
  options: [
    {
      name: 'market',
      description: 'jp (JGB, default) or us (Treasuries)',
      required: false,
      choices: ['jp', 'us'],
    },
    { name: 'tenor', description: 'Tenor such as 10y or 40y', required: true, autocomplete: true },
    { name: 'date', description: 'A past date, YYYY-MM-DD', required: false },
  ],
  async run(text, context) {
    const { market, tenor, dateText } = requestOf(text);
    const asked = context.now();
    const today = dateInZone(asked, MARKET_ZONE[market]);
    const date = dateText === undefined ? undefined : resolveDate(dateText, today);

    const curve = await context.market.curve(market);
    const now = date === undefined ? asked : undefined;
    // Everything the answer depends on. The date in the market's zone stands in for `now`: it is all
    // the stale-data check reads. The refresh time only shows when the data is stale.
    const key = `${market}|${tenor}|${date ?? ''}|${now ? today : ''}|${curve.source.id}|${
      curve.stale ? curve.fetchedAt.getTime() : ''
    }|${context.sigmaWindowDays}`;
    return publicReply(
      memoised(curve.value, key, () => yieldDocument({ market, tenor, date, today, curve, now, context })),
    );
  },
});

/**
 * Answers already composed from one loaded history, by everything else they depend on. A warm
 * `/yield 40y` asked a thousand times a minute hands out one immutable document, whose renderings
 * the renderers keep with it; a new history (the next refresh) starts afresh, and the old one's
 * answers go with it. A bound keeps a history's answers to a few hundred.
 */
const answers = new WeakMap<CurveHistory, Map<string, Document>>();
const ANSWERS_PER_HISTORY = 512;

function memoised(history: CurveHistory, key: string, compose: () => Document): Document {
  const known = getOrCreate(answers, history, () => new Map<string, Document>());
  const found = known.get(key);
  if (found) return found;
  const document = compose();
  if (known.size >= ANSWERS_PER_HISTORY) known.clear();
  known.set(key, document);
  return document;
}

interface YieldRequest {
  readonly market: Market;
  readonly tenor: Tenor;
  readonly date: IsoDate | undefined;
  readonly today: IsoDate;
  readonly curve: Sourced<CurveHistory>;
  /** Absent for a past date, which has no stale-data note. */
  readonly now: Date | undefined;
  readonly context: Pick<CommandContext, 'sigmaWindowDays'>;
}

function yieldDocument({ market, tenor, date, today, curve, now, context }: YieldRequest): Document {
  const series = tenorSeries(curve.value, tenor);
  const index = date === undefined ? series.length - 1 : indexOnOrBefore(series, date);
  const first = series[0];
  if (index < 0 || first === undefined) {
    const from = first ? ` The ${tenor.toUpperCase()} series starts on ${first.date}.` : '';
    throw new UserError(
      'NO_DATA',
      `No ${MARKET_LABEL[market]} ${tenor.toUpperCase()} yield on or before ${date ?? today}.${from}`,
      `Try a later date, or ${USAGE.replace(' [YYYY-MM-DD]', '')} for the latest.`,
    );
  }
  const analysis = analyseLevel(series, index, context.sigmaWindowDays);
  const decimals = YIELD_DECIMALS[market];
  const fields: Field[] = [
    { label: 'Level', value: `${formatYield(analysis.value, decimals)} on ${analysis.date}` },
  ];
  if (analysis.change !== undefined && analysis.previous) {
    fields.push({
      label: 'Change',
      value: `${formatBpChange(analysis.change)} vs ${analysis.previous.date}`,
    });
  } else if (series[index - 1] !== undefined) {
    // The value before is further back than a market closure: a gap in the data, not a daily move.
    fields.push({
      label: 'Change',
      value: `not available: the series has no value between ${series[index - 1]?.date} and ${analysis.date}`,
    });
  }
  if (analysis.changeWeek !== undefined && analysis.weekAgo) {
    fields.push({
      label: '1 week',
      value: `${formatBpChange(analysis.changeWeek)} vs ${analysis.weekAgo.date}`,
    });
  }
  if (analysis.changeMonth !== undefined && analysis.monthAgo) {
    fields.push({
      label: '1 month',
      value: `${formatBpChange(analysis.changeMonth)} vs ${analysis.monthAgo.date}`,
    });
  }
  if (analysis.sigma !== undefined && Math.abs(analysis.sigma) >= SIGMA_SHOWN_FROM) {
    fields.push({
      label: 'Move',
      value: `${formatSigma(analysis.sigma)} against the previous ${context.sigmaWindowDays} daily changes`,
    });
  }
  const note = extremeNote(analysis.date, analysis.highest, analysis.lowest, curve.value.complete);
  if (note) fields.push({ label: 'Note', value: note });

  const dateNote =
    date !== undefined && date !== analysis.date
      ? [
          {
            kind: 'text' as const,
            text: `No value on ${date} (not a business day or not published); showing ${analysis.date}.`,
            tone: 'muted' as const,
          },
        ]
      : [];
  return deepFreeze({
    title: `${MARKET_LABEL[market]} ${tenor.toUpperCase()} ${formatYield(analysis.value, decimals)}`,
    blocks: [...dateNote, { kind: 'fields', items: fields }],
    footer: curveFooter(market, curve, analysis.date, now),
  });
}

interface ParsedRequest {
  readonly market: Market;
  readonly tenor: Tenor;
  readonly dateText?: string;
}

/**
 * The text read into market, tenor and date text. A desk asks the same few questions all day, so
 * readings of valid text are kept (text that does not read throws, and is not kept).
 */
const readings = new Map<string, ParsedRequest>();
const READINGS_KEPT = 256;

function requestOf(text: string): ParsedRequest {
  const known = readings.get(text);
  if (known) return known;
  const { market, tenorText, dateText } = parseArguments(text);
  // The hint shows a line to type as is: "Try /yield 40y", not the grammar with its brackets.
  const tenor = resolveTenor(tenorText, market, market === 'us' ? '/yield us <tenor>' : '/yield <tenor>');
  const request = Object.freeze(dateText === undefined ? { market, tenor } : { market, tenor, dateText });
  if (readings.size >= READINGS_KEPT) readings.clear();
  readings.set(text, request);
  return request;
}

function parseArguments(text: string): { market: Market; tenorText: string; dateText?: string } {
  const tokens = tokenize(text);
  const market: Market =
    tokens[0] !== undefined && isMarket(tokens[0]) ? (tokens.shift()?.toLowerCase() as Market) : 'jp';
  const [tenorText, dateText, ...rest] = tokens;
  if (tenorText === undefined) {
    throw new UserError(
      'MISSING_ARGUMENT',
      'Which tenor?',
      `Type ${USAGE}, for example /yield 40y or /yield us 10y.`,
    );
  }
  if (rest.length > 0) {
    throw new UserError(
      'BAD_ARGUMENT',
      'Too many words for /yield.',
      `Type ${USAGE}, for example /yield 10y 2026-01-20.`,
    );
  }
  return dateText === undefined ? { market, tenorText } : { market, tenorText, dateText };
}

function extremeNote(date: string, highest: Extreme, lowest: Extreme, complete: boolean): string | undefined {
  for (const extreme of [highest, lowest]) {
    if (extreme.record) {
      return complete
        ? `Record ${extreme.kind === 'highest' ? 'high' : 'low'} for the series (data from ${extreme.since})`
        : `${capitalise(extreme.kind)} in the loaded history (since at least ${extreme.since})`;
    }
    if (extreme.since < addDays(date, -LONG_STRETCH_DAYS))
      return `${capitalise(extreme.kind)} since ${extreme.since}`;
  }
  return undefined;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
