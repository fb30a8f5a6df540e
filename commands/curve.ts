import { curveChartFileName } from '../src/chart/curve-chart-spec.ts';
import { createCachedCurveChartRenderer } from '../src/chart/render-curve-chart.ts';
import { type CommandContext, defineCommand, publicReply } from '../src/command/command.ts';
import { clip, isMarket, resolveDate } from '../src/command/resolvers.ts';
import { tokenize } from '../src/command/tokenize.ts';
import { curveSpreads, rowOnOrBefore } from '../src/domain/analytics.ts';
import { addDays, addMonths, dateInZone, type IsoDate } from '../src/domain/dates.ts';
import type { Block } from '../src/domain/document.ts';
import { formatBpChange, signed } from '../src/domain/format.ts';
import { MARKET_ZONE } from '../src/domain/freshness.ts';
import { type Market, TENORS_BY_MARKET } from '../src/domain/instruments.ts';
import type { CurveHistory, CurveRow, SourceRef } from '../src/domain/market-data.ts';
import { UserError } from '../src/errors.ts';
import { curveFooter, MARKET_LABEL, YIELD_DECIMALS } from './shared/curve-notes.ts';

const USAGE = '/curve [jp|us] [vs 1w|1m|1y|YYYY-MM-DD]';
const PERIODS = ['1d', '1w', '1m', '1y'] as const;
/** Desks ask for the same few comparisons all morning; each is drawn once. */
const renderChart = createCachedCurveChartRenderer(32);

export const curveCommand = defineCommand({
  name: 'curve',
  summary: 'The whole yield curve against a past one, with the 2s10s, 10s30s and 30s40s spreads.',
  usage: USAGE,
  examples: ['/curve', '/curve vs 1m', '/curve us vs 1y', '/curve jp vs 2026-01-02'],
  options: [
    {
      name: 'market',
      description: 'jp (JGB, default) or us (Treasuries)',
      required: false,
      choices: ['jp', 'us'],
    },
    {
      name: 'vs',
      description: '1d (default), 1w, 1m, 1y or a date YYYY-MM-DD',
      required: false,
      autocomplete: true,
    },
  ],
  async run(text, context) {
    const { market, vs } = parseArguments(text);
    const curve = await context.market.curve(market);
    const history = curve.value;
    const today = history.rows.at(-1);
    if (!today)
      throw new UserError(
        'NO_DATA',
        `No ${MARKET_LABEL[market]} curve is available yet.`,
        'Try again in a few minutes.',
      );
    const past = pastRow(history, today, vs, dateInZone(context.now(), MARKET_ZONE[market]));

    const decimals = YIELD_DECIMALS[market];
    const rows: string[][] = [];
    for (const tenor of TENORS_BY_MARKET[market]) {
      const now = today.yields[tenor];
      if (now === undefined) continue;
      const then = past.yields[tenor];
      rows.push([
        tenor.toUpperCase(),
        now.toFixed(decimals),
        then === undefined ? '–' : then.toFixed(decimals),
        then === undefined ? '–' : formatBpChange(now - then).replace(' bp', ''),
      ]);
    }
    const spreadsNow = curveSpreads(today);
    const spreadsThen = new Map(curveSpreads(past).map((s) => [s.name, s.bp]));
    const spreadRows = spreadsNow.map((s) => {
      const then = spreadsThen.get(s.name);
      return [
        s.name,
        signed(s.bp, 1),
        then === undefined ? '–' : signed(then, 1),
        then === undefined ? '–' : signed(s.bp - then, 1),
      ];
    });
    const chart = await chartBlock(context, market, today, past, curve.source);
    return publicReply({
      title: `${MARKET_LABEL[market]} curve ${today.date} vs ${past.date}`,
      blocks: [
        chart,
        {
          kind: 'table',
          columns: ['Tenor', today.date, past.date, 'Chg bp'],
          rows,
          align: ['left', 'right', 'right', 'right'],
        },
        {
          kind: 'table',
          columns: ['Spread (bp)', today.date, past.date, 'Chg'],
          rows: spreadRows,
          align: ['left', 'right', 'right', 'right'],
        },
      ],
      footer: curveFooter(market, curve, today.date, context.now()),
    });
  },
});

/**
 * The chart, or a notice when it cannot be drawn: the tables below carry every figure, so a broken
 * chart costs the picture, never the answer.
 */
async function chartBlock(
  context: CommandContext,
  market: Market,
  today: CurveRow,
  past: CurveRow,
  source: SourceRef,
): Promise<Block> {
  try {
    const chart = await renderChart({ market, today, past, source });
    return {
      kind: 'image',
      image: {
        name: curveChartFileName(market, today, past),
        alt: chart.alt,
        png: chart.png,
        width: chart.width,
        height: chart.height,
      },
    };
  } catch (error) {
    context.log.error({ err: error, market, today: today.date, past: past.date }, 'curve chart failed');
    return { kind: 'notice', text: 'The chart could not be drawn; the table has every figure.' };
  }
}

type Vs = (typeof PERIODS)[number] | { date: string };

function parseArguments(text: string): { market: Market; vs: Vs } {
  const tokens = tokenize(text.toLowerCase());
  const market: Market = tokens[0] !== undefined && isMarket(tokens[0]) ? (tokens.shift() as Market) : 'jp';
  if (tokens[0] === 'vs') tokens.shift();
  const [vsText, ...rest] = tokens;
  if (rest.length > 0)
    throw new UserError(
      'BAD_ARGUMENT',
      'Too many words for /curve.',
      `Type ${USAGE}, for example /curve vs 1m.`,
    );
  if (vsText === undefined) return { market, vs: '1d' };
  if ((PERIODS as readonly string[]).includes(vsText)) return { market, vs: vsText as Vs };
  if (/^\d{4}-\d{2}-\d{2}$/.test(vsText)) return { market, vs: { date: vsText } };
  throw new UserError(
    'BAD_ARGUMENT',
    `"${clip(vsText)}" is not a comparison.`,
    `Compare with 1d, 1w, 1m, 1y or a date: ${USAGE}`,
  );
}

function pastRow(history: CurveHistory, today: CurveRow, vs: Vs, calendarToday: IsoDate): CurveRow {
  let target: IsoDate;
  if (typeof vs === 'object') target = resolveDate(vs.date, calendarToday);
  else if (vs === '1d') target = addDays(today.date, -1);
  else if (vs === '1w') target = addDays(today.date, -7);
  else if (vs === '1m') target = addMonths(today.date, -1);
  else target = addMonths(today.date, -12);
  const { row } = rowOnOrBefore(history, target);
  if (!row) {
    const first = history.rows[0]?.date ?? 'unknown';
    throw new UserError(
      'NO_DATA',
      `No curve on or before ${target}; the loaded history starts ${first}.`,
      `Compare with a later date: ${USAGE}`,
    );
  }
  return row;
}
