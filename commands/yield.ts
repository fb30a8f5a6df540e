import { defineCommand, publicReply } from '../src/command/command.ts';
import { isMarket, resolveDate, resolveTenor } from '../src/command/resolvers.ts';
import { tokenize } from '../src/command/tokenize.ts';
import { analyseLevel, type Extreme, indexOnOrBefore, tenorSeries } from '../src/domain/analytics.ts';
import { addDays, dateInZone } from '../src/domain/dates.ts';
import type { Field } from '../src/domain/document.ts';
import { formatBpChange, formatSigma, formatYield } from '../src/domain/format.ts';
import { MARKET_ZONE } from '../src/domain/freshness.ts';
import type { Market } from '../src/domain/instruments.ts';
import { UserError } from '../src/errors.ts';
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
    const { market, tenorText, dateText } = parseArguments(text);
    const tenor = resolveTenor(tenorText, market, USAGE);
    const today = dateInZone(context.now(), MARKET_ZONE[market]);
    const date = dateText === undefined ? undefined : resolveDate(dateText, today);

    const curve = await context.market.curve(market);
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
    return publicReply({
      title: `${MARKET_LABEL[market]} ${tenor.toUpperCase()} ${formatYield(analysis.value, decimals)}`,
      blocks: [...dateNote, { kind: 'fields', items: fields }],
      footer: curveFooter(market, curve, analysis.date, date === undefined ? context.now() : undefined),
    });
  },
});

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
