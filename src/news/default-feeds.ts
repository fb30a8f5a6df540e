import type { Topic } from '../domain/market-data.ts';

export interface FeedConfig {
  readonly url: string;
  readonly name: string;
}

/** A Google News search feed in US English. */
export function googleNewsSearchUrl(query: string): string {
  return `https://news.google.com/rss/search?q=${encodeURIComponent(query)}&hl=en-US&gl=US&ceid=US:en`;
}

// Searches for the topics the publishers' own feeds cover thinly. Quoted phrases keep "gold" from
// finding the Gold Coast and "Ripple" from finding ripple effects.
const GOOGLE_NEWS_QUERIES = {
  jgb: 'JGB OR "Japanese government bond" OR "Japan bond yields" OR "Bank of Japan"',
  gold: '"gold price" OR "gold prices" OR bullion OR "spot gold"',
  oil: '"oil prices" OR "crude oil" OR Brent OR WTI OR OPEC',
  xrp: 'XRP OR "Ripple Labs"',
} as const satisfies Partial<Record<Topic, string>>;

/**
 * The built-in headline feeds, used when `NEWS_FEEDS` is not set. Reuters and WSJ feeds are dead.
 *
 * Terms of use: Google News feeds (and SeekingAlpha's, if added) are licensed for personal,
 * non-commercial use only. A commercial deployment should replace the Google News entries with a
 * licensed news source (or the GDELT DOC API) through `NEWS_FEEDS`. The bot shows title, source and
 * link only, never article text.
 */
export const DEFAULT_FEEDS: readonly FeedConfig[] = [
  { url: 'https://www.cnbc.com/id/100003114/device/rss/rss.html', name: 'CNBC' },
  { url: 'https://feeds.content.dowjones.io/public/rss/mw_topstories', name: 'MarketWatch' },
  { url: 'https://www.coindesk.com/arc/outboundfeeds/rss/', name: 'CoinDesk' },
  { url: 'https://www3.nhk.or.jp/rss/news/cat5.xml', name: 'NHK' },
  { url: 'https://feeds.bbci.co.uk/news/business/rss.xml', name: 'BBC News' },
  ...Object.entries(GOOGLE_NEWS_QUERIES).map(([topic, query]) => ({
    url: googleNewsSearchUrl(query),
    name: `Google News (${topic})`,
  })),
];
