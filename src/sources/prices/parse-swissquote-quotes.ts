import type { SourceErrorContext } from '../../errors.ts';
import { badPayload, instantFrom, isRecord, positiveNumber, unknownSymbol } from './price-values.ts';

export interface SwissquoteQuote {
  readonly bid: number;
  readonly ask: number;
  readonly mid: number;
  /** The spread profile the quote was taken from (`Prime` when any platform offers it). */
  readonly spreadProfile: string;
  /** `ts` of the platform the quote was taken from. */
  readonly ts: Date;
}

/**
 * A spread wider than this share of the mid is not a market quote worth showing (gold trades a few
 * hundredths of a percent wide; a broken feed can send a stale side).
 */
const MAX_RELATIVE_SPREAD = 0.02;

interface Candidate {
  readonly profile: unknown;
  readonly bid: unknown;
  readonly ask: unknown;
  readonly ts: unknown;
}

/**
 * Reads `GET /public-quotes/bboquotes/instrument/{BASE}/{QUOTE}`: an array of trading platforms,
 * each with `ts` (epoch ms) and `spreadProfilePrices[]` of `{spreadProfile, bid, ask}`. Platforms
 * and profiles differ by a few hundredths; for a figure that does not hop between them, the `Prime`
 * profile of the first platform that has a sound one is used, else the first sound entry at all.
 * The price is the mid of bid and ask.
 */
export function parseSwissquoteQuotes(json: unknown, context: SourceErrorContext): SwissquoteQuote {
  if (!Array.isArray(json)) throw badPayload(context, 'the answer is not an array of platforms');
  // An instrument Swissquote does not quote comes back as an empty list.
  if (json.length === 0) throw unknownSymbol(context, 'Swissquote sent no platform for the instrument');
  const candidates: Candidate[] = [];
  for (const platform of json) {
    if (!isRecord(platform) || !Array.isArray(platform.spreadProfilePrices)) continue;
    for (const entry of platform.spreadProfilePrices) {
      if (!isRecord(entry)) continue;
      candidates.push({ profile: entry.spreadProfile, bid: entry.bid, ask: entry.ask, ts: platform.ts });
    }
  }
  const isPrime = (c: Candidate) => typeof c.profile === 'string' && c.profile.toLowerCase() === 'prime';
  const ordered = [...candidates.filter(isPrime), ...candidates.filter((c) => !isPrime(c))];
  for (const candidate of ordered) {
    const quote = soundQuote(candidate);
    if (quote) return quote;
  }
  throw badPayload(context, 'no platform has a sound bid/ask pair');
}

function soundQuote(candidate: Candidate): SwissquoteQuote | undefined {
  const bid = positiveNumber(candidate.bid);
  const ask = positiveNumber(candidate.ask);
  const ts = instantFrom(candidate.ts, 'ms');
  if (bid === undefined || ask === undefined || ts === undefined || ask < bid) return undefined;
  const mid = (bid + ask) / 2;
  if ((ask - bid) / mid > MAX_RELATIVE_SPREAD) return undefined;
  const spreadProfile = typeof candidate.profile === 'string' ? candidate.profile : 'unnamed';
  return { bid, ask, mid, spreadProfile, ts };
}
