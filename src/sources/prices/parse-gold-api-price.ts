import type { SourceErrorContext } from '../../errors.ts';
import { badPayload, isRecord, positiveNumber } from './price-values.ts';

export interface GoldApiPrice {
  readonly symbol: string;
  readonly price: number;
  /** `updatedAt`, when the answer carries one. */
  readonly updatedAt?: Date;
}

/**
 * Reads `GET /price/{XAU|XAG}`. No real capture of this API was available, so only the fields the
 * quote needs are read and each is checked: `price` must be a positive JSON number, `symbol` (when
 * present) must be the one requested, and `updatedAt` (when present) must be an ISO instant.
 */
export function parseGoldApiPrice(json: unknown, symbol: string, context: SourceErrorContext): GoldApiPrice {
  if (!isRecord(json)) throw badPayload(context, 'the answer is not an object');
  if (json.symbol !== undefined && json.symbol !== symbol) {
    throw badPayload(context, `asked for ${symbol} and got ${String(json.symbol)}`);
  }
  const price = positiveNumber(json.price);
  if (price === undefined) throw badPayload(context, `${symbol} has no usable price`);
  if (json.updatedAt === undefined) return { symbol, price };
  const updatedAt = typeof json.updatedAt === 'string' ? isoInstant(json.updatedAt) : undefined;
  // A timestamp we cannot read could hide a stale price: refuse it rather than guess.
  if (updatedAt === undefined) throw badPayload(context, `${symbol} has an unreadable updatedAt`);
  return { symbol, price, updatedAt };
}

// Date.parse accepts many loose forms and reads a zone-less time as local: insist on an explicit zone.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function isoInstant(text: string): Date | undefined {
  if (!ISO_INSTANT.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? new Date(ms) : undefined;
}
