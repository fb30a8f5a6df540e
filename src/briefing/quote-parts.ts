import { isQuoteOutdated } from '../domain/freshness.ts';
import type { Asset } from '../domain/instruments.ts';
import type { Quote } from '../domain/market-data.ts';
import type { BriefStrings } from './brief-strings.ts';
import { missingText } from './brief-view.ts';
import type { Snapshot } from './snapshot.ts';

export interface AvailableQuote {
  readonly asset: Asset;
  readonly quote: Quote;
  /** The refresh failed or the figure is older than its market's cycle. */
  readonly stale: boolean;
}

/**
 * The snapshot's quotes for `assets`: those present, and the missing ones grouped by reason, so
 * one line can say "Unavailable: WTI crude, XRP (the source did not answer)".
 */
export function quoteParts(
  snapshot: Snapshot,
  assets: Iterable<Asset>,
  strings: BriefStrings,
): { available: AvailableQuote[]; missing: Map<string, string[]> } {
  const available: AvailableQuote[] = [];
  const missing = new Map<string, string[]>();
  for (const asset of assets) {
    const part = snapshot.quotes[asset];
    if (!part.ok) {
      const why = missingText(part, strings);
      missing.set(why, [...(missing.get(why) ?? []), strings.asset[asset]]);
      continue;
    }
    const quote = part.value.value;
    available.push({ asset, quote, stale: part.value.stale || isQuoteOutdated(quote, snapshot.takenAt) });
  }
  return { available, missing };
}
