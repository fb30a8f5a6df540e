import { addDays, dateInZone, type IsoDate } from '../../domain/dates.ts';
import type { SourceErrorContext } from '../../errors.ts';
import { badPayload, instantFrom, isRecord, positiveNumber, unknownSymbol } from './price-values.ts';

export interface YahooChartQuote {
  readonly symbol: string;
  /** `meta.regularMarketPrice`. */
  readonly price: number;
  /** `meta.regularMarketTime`. */
  readonly asOf: Date;
  /** The last completed daily bar before the session of `asOf`, when the window holds a recent one. */
  readonly previousClose?: { readonly price: number; readonly date: IsoDate };
  readonly currency?: string;
  /** For futures, the front-month contract behind the continuous symbol ("Gold Dec 26"). */
  readonly shortName?: string;
}

/**
 * A previous close further back than this is not "the previous close" (a long holiday is about
 * four days); with a narrow or odd window the last earlier bar can be months old.
 */
const MAX_REFERENCE_AGE_DAYS = 10;

/**
 * Reads `GET /v8/finance/chart/{SYMBOL}?range=5d&interval=1d`. The price and its time come from
 * `meta`; the reference is the close of the bar before the session of `regularMarketTime`, never
 * `meta.chartPreviousClose`, which is the close before the requested window.
 */
export function parseYahooChart(json: unknown, symbol: string, context: SourceErrorContext): YahooChartQuote {
  const chart = isRecord(json) ? json.chart : undefined;
  if (!isRecord(chart)) throw badPayload(context, 'the answer has no chart object');
  if (chart.error !== null && chart.error !== undefined) {
    const error = isRecord(chart.error) ? chart.error : {};
    const detail = `${String(error.code)}: ${String(error.description)}`;
    if (error.code === 'Not Found') {
      throw unknownSymbol(context, `Yahoo has no data for ${symbol} (${detail})`);
    }
    throw badPayload(context, `Yahoo answered with an error (${detail})`);
  }
  const result = Array.isArray(chart.result) ? chart.result[0] : undefined;
  const meta = isRecord(result) ? result.meta : undefined;
  if (!isRecord(result) || !isRecord(meta)) throw badPayload(context, 'chart.result[0].meta is missing');
  if (typeof meta.symbol === 'string' && meta.symbol.toUpperCase() !== symbol.toUpperCase()) {
    throw badPayload(context, `asked for ${symbol} and got ${meta.symbol}`);
  }
  const price = positiveNumber(meta.regularMarketPrice);
  if (price === undefined) throw badPayload(context, `${symbol} has no usable regularMarketPrice`);
  const asOf = instantFrom(meta.regularMarketTime, 's');
  if (asOf === undefined) throw badPayload(context, `${symbol} has no usable regularMarketTime`);

  const previousClose = findPreviousClose(result, meta, asOf, context);
  return {
    symbol,
    price,
    asOf,
    ...(previousClose ? { previousClose } : {}),
    ...(typeof meta.currency === 'string' ? { currency: meta.currency } : {}),
    ...(typeof meta.shortName === 'string' && meta.shortName.trim()
      ? { shortName: meta.shortName.trim() }
      : {}),
  };
}

function findPreviousClose(
  result: Record<string, unknown>,
  meta: Record<string, unknown>,
  asOf: Date,
  context: SourceErrorContext,
): YahooChartQuote['previousClose'] {
  const dayOf = exchangeCalendar(meta);
  const timestamps = result.timestamp;
  const quote =
    isRecord(result.indicators) && Array.isArray(result.indicators.quote)
      ? result.indicators.quote[0]
      : undefined;
  const closes = isRecord(quote) ? quote.close : undefined;
  // A window without bars has neither array: there is a price but nothing to compare it with.
  if (dayOf === undefined || timestamps === undefined || closes === undefined) return undefined;
  if (!Array.isArray(timestamps) || !Array.isArray(closes) || timestamps.length !== closes.length) {
    throw badPayload(context, 'timestamp and close do not line up');
  }
  // The last bar is the session in progress (or just closed) during trading: compare with the bar
  // before the session of regularMarketTime. Closes can be null on days without a print.
  const session = dayOf(asOf);
  const oldest = addDays(session, -MAX_REFERENCE_AGE_DAYS);
  for (let i = timestamps.length - 1; i >= 0; i -= 1) {
    const at = instantFrom(timestamps[i], 's');
    if (at === undefined) throw badPayload(context, `bar ${i} has an unusable timestamp`);
    const day = dayOf(at);
    if (day >= session) continue;
    if (day < oldest) return undefined;
    const close = positiveNumber(closes[i]);
    if (close !== undefined) return { price: close, date: day };
  }
  return undefined;
}

/**
 * The calendar date of an instant at the exchange. Yahoo stamps daily bars at local midnight
 * (05:00 UTC for COMEX in winter, 23:00 UTC for London FX in summer), so UTC dates would misfile
 * them. The zone name follows daylight saving; `gmtoffset` is only the offset of today.
 */
function exchangeCalendar(meta: Record<string, unknown>): ((instant: Date) => IsoDate) | undefined {
  const zone = meta.exchangeTimezoneName;
  if (typeof zone === 'string') {
    try {
      dateInZone(new Date(0), zone);
      return (instant) => dateInZone(instant, zone);
    } catch {
      // An unknown zone name: fall back to the fixed offset below.
    }
  }
  const offset = meta.gmtoffset;
  if (typeof offset === 'number' && Number.isFinite(offset)) {
    return (instant) => new Date(instant.getTime() + offset * 1000).toISOString().slice(0, 10);
  }
  return undefined;
}
