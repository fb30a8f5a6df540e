import { SourceError, type SourceErrorContext } from '../../errors.ts';

/** Helpers the price parsers share: each one answers a trustworthy number or nothing. */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON number that can be a price: finite and above zero. Strings are not accepted here. */
export function positiveNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

// Plain decimals only: `Number('')` is 0, `Number('0x10')` is 16 and `Number(' 1e3 ')` is 1000.
const DECIMAL = /^\d+(\.\d+)?$/;

/** A price sent as a decimal string (Kraken, Binance): above zero, nothing but digits and a point. */
export function positiveDecimalString(value: unknown): number | undefined {
  if (typeof value !== 'string' || !DECIMAL.test(value)) return undefined;
  return positiveNumber(Number(value));
}

/** An instant from epoch seconds or milliseconds, within a sane range (after 2000, not in 2100). */
export function instantFrom(value: unknown, unit: 's' | 'ms'): Date | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  const ms = unit === 's' ? value * 1000 : value;
  return ms > Date.UTC(2000, 0, 1) && ms < Date.UTC(2100, 0, 1) ? new Date(ms) : undefined;
}

export function badPayload(context: SourceErrorContext, message: string): SourceError {
  return new SourceError('BAD_PAYLOAD', `${context.source}: ${message}`, context);
}

export function unknownSymbol(context: SourceErrorContext, message: string): SourceError {
  return new SourceError('UNKNOWN_SYMBOL', `${context.source}: ${message}`, context);
}

/** Joins a configured base URL (scheme + host, maybe with a trailing slash) and a documented path. */
export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}
