import type { Asset, Market } from './instruments.ts';
import type { Quote } from './market-data.ts';

/** The zone whose calendar a market's end-of-day series follows. */
export const MARKET_ZONE: Readonly<Record<Market, string>> = { jp: 'Asia/Tokyo', us: 'America/New_York' };

/** Crypto trades around the clock; metals, oil and FX pause at weekends and holidays. */
export const QUOTE_MAX_AGE_MS: Readonly<Record<Asset, number>> = {
  xrp: 30 * 60_000,
  btc: 30 * 60_000,
  gold: 4 * 86_400_000,
  silver: 4 * 86_400_000,
  wti: 4 * 86_400_000,
  brent: 4 * 86_400_000,
  usdjpy: 4 * 86_400_000,
};

export function isQuoteOutdated(quote: Quote, now: Date): boolean {
  // FRED oil is end-of-day with a lag of days by design; judge it by date, not by the hour.
  const allowance = quote.kind === 'end-of-day' ? 7 * 86_400_000 : QUOTE_MAX_AGE_MS[quote.asset];
  return now.getTime() - quote.asOf.getTime() > allowance;
}
