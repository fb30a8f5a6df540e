import type { SourceErrorContext } from '../../errors.ts';
import { badPayload, isRecord, positiveDecimalString, unknownSymbol } from './price-values.ts';

export interface KrakenTicker {
  /** Kraken's own pair name, which differs from the one requested (`XBTUSD` comes back as `XXBTZUSD`). */
  readonly pair: string;
  /** `c[0]`, the last trade price. */
  readonly last: number;
  /** `o`, today's opening price at 00:00 UTC: not a rolling 24 h reference. */
  readonly open: number;
}

/**
 * Reads `GET /0/public/Ticker?pair=…`. Kraken reports failures with HTTP 200 and a non-empty
 * `error` array; numbers are strings. Only the first pair of the result is read.
 */
export function parseKrakenTicker(json: unknown, context: SourceErrorContext): KrakenTicker {
  if (!isRecord(json) || !Array.isArray(json.error)) {
    throw badPayload(context, 'the answer is not a Kraken envelope ({error, result})');
  }
  // Entries starting with W are warnings and may come alongside a valid result; anything else fails.
  const errors = json.error.map(String).filter((e) => !e.startsWith('W'));
  if (errors.some((e) => e.startsWith('EQuery:Unknown asset pair'))) {
    throw unknownSymbol(context, `Kraken does not know the pair (${errors.join('; ')})`);
  }
  if (errors.length > 0) throw badPayload(context, `Kraken answered with errors (${errors.join('; ')})`);
  if (!isRecord(json.result)) throw badPayload(context, 'no result object');
  const [pair] = Object.keys(json.result);
  if (pair === undefined) throw unknownSymbol(context, 'the result holds no pair');
  const ticker = json.result[pair];
  if (!isRecord(ticker)) throw badPayload(context, `${pair} is not a ticker object`);
  const last = Array.isArray(ticker.c) ? positiveDecimalString(ticker.c[0]) : undefined;
  if (last === undefined) throw badPayload(context, `${pair} has no usable last price (c[0])`);
  const open = positiveDecimalString(ticker.o);
  if (open === undefined) throw badPayload(context, `${pair} has no usable opening price (o)`);
  return { pair, last, open };
}
