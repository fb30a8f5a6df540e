import type { IsoDate } from './dates.ts';
import type { Asset, Market, Tenor } from './instruments.ts';

/** Who supplied a figure. `name` is what the reply cites ("Source: Ministry of Finance Japan"). */
export interface SourceRef {
  readonly id: string;
  readonly name: string;
}

/** One business day of a yield curve, in percent. A tenor with no value that day is absent. */
export interface CurveRow {
  readonly date: IsoDate;
  readonly yields: Readonly<Partial<Record<Tenor, number>>>;
}

/** A market's daily curve history, ascending by date, one row per date. */
export interface CurveHistory {
  readonly market: Market;
  readonly rows: readonly CurveRow[];
  readonly source: SourceRef;
  /**
   * True when the rows reach back to the series' first published value. When false (only recent
   * years were loaded), "highest since" cannot claim a record, only "highest since at least".
   */
  readonly complete: boolean;
}

/** How a price was observed, which decides how a desk should read it. */
export type QuoteKind = 'spot' | 'futures' | 'delayed' | 'end-of-day';

export interface Quote {
  readonly asset: Asset;
  readonly price: number;
  /** The price the change is measured from, and what it is ("previous close", "00:00 UTC open"). */
  readonly reference?: { readonly price: number; readonly label: string };
  /** When the price was observed at the source. */
  readonly asOf: Date;
  readonly kind: QuoteKind;
  readonly source: SourceRef;
  /** The futures contract behind a continuous symbol ("Gold Dec 26"): prices jump at a roll. */
  readonly contract?: string;
}

export const TOPICS = ['jgb', 'ust', 'gold', 'oil', 'xrp', 'btc', 'fx', 'macro'] as const;
export type Topic = (typeof TOPICS)[number];

export interface Headline {
  /** The feed's guid, or the normalised link when the item has none. */
  readonly id: string;
  readonly title: string;
  readonly url: string;
  /** Publisher or feed name, shown beside the title. */
  readonly source: string;
  readonly publishedAt?: Date;
  readonly topics: readonly Topic[];
}

/** A port for a source of daily yield curves. */
export interface CurveSource {
  readonly ref: SourceRef;
  fetchHistory(): Promise<CurveHistory>;
}

/** A port for a source of prices. */
export interface QuoteSource {
  readonly ref: SourceRef;
  supports(asset: Asset): boolean;
  fetchQuote(asset: Asset): Promise<Quote>;
}

/** A port for one headline feed. */
export interface FeedSource {
  readonly ref: SourceRef;
  fetchHeadlines(): Promise<Headline[]>;
}
