import type { SourceErrorContext } from '../../errors.ts';
import { badPayload, instantFrom, isRecord, positiveDecimalString } from './price-values.ts';

export interface BinanceTicker {
  readonly symbol: string;
  readonly lastPrice: number;
  /** The price at the start of the rolling 24 h window, not at a day boundary. */
  readonly openPrice: number;
  /** End of the rolling window: the time of the statistics. */
  readonly closeTime: Date;
}

/** Reads `GET /api/v3/ticker/24hr?symbol=…`: prices are strings with 8 decimals, times epoch ms. */
export function parseBinanceTicker(json: unknown, context: SourceErrorContext): BinanceTicker {
  if (!isRecord(json)) throw badPayload(context, 'the answer is not a ticker object');
  if (typeof json.symbol !== 'string') throw badPayload(context, 'the ticker names no symbol');
  const lastPrice = positiveDecimalString(json.lastPrice);
  if (lastPrice === undefined) throw badPayload(context, `${json.symbol} has no usable lastPrice`);
  const openPrice = positiveDecimalString(json.openPrice);
  if (openPrice === undefined) throw badPayload(context, `${json.symbol} has no usable openPrice`);
  const closeTime = instantFrom(json.closeTime, 'ms');
  if (closeTime === undefined) throw badPayload(context, `${json.symbol} has no usable closeTime`);
  return { symbol: json.symbol, lastPrice, openPrice, closeTime };
}
