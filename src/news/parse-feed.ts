import { parseFeed as parseFeedDocument } from '@rowanmanning/feed-parser';
import type { Headline } from '../domain/market-data.ts';
import { SourceError } from '../errors.ts';
import { normaliseLink } from './normalise-link.ts';
import { parseFeedDate } from './parse-feed-date.ts';
import { tagTopics } from './topic-rules.ts';

type FeedDocument = ReturnType<typeof parseFeedDocument>;
type FeedItem = FeedDocument['items'][number];

export interface ParseFeedOptions {
  /**
   * The name to show as every item's source instead of the channel title (whose wording is often a
   * section name: "International: Top News And Analysis"). Aggregated items keep their publisher.
   */
  readonly feedName?: string;
}

/** RSS 2.0 / RSS 1.0 / Atom to headlines, in feed order. Items without a title or a web link are dropped. */
export function parseFeed(xml: string, feedUrl: string, options: ParseFeedOptions = {}): Headline[] {
  const sourceId = `rss:${hostOf(feedUrl)}`;
  const feed = readFeed(xml, feedUrl, sourceId);
  const googleNews = isGoogleNewsFeed(feedUrl);
  const feedSource = options.feedName ?? feedDisplayName(feed.title ?? '', feedUrl);
  const headlines: Headline[] = [];
  for (const item of feed.items) {
    const title = cleanText(item.title ?? '');
    const url = webLink(item.url, feedUrl);
    if (title === '' || url === undefined) continue;
    const named = publisherOf(item, feed);
    const { headline, publisher } = googleNews ? splitGoogleNewsTitle(title, named) : { headline: title };
    if (headline === '') continue;
    const publishedAt = itemDate(item);
    headlines.push({
      id: itemId(item, url, feedUrl),
      title: headline,
      url,
      source: publisher ?? named ?? (googleNews ? 'Google News' : feedSource),
      ...(publishedAt ? { publishedAt } : {}),
      topics: tagTopics(headline),
    });
  }
  return headlines;
}

function readFeed(xml: string, feedUrl: string, source: string): FeedDocument {
  try {
    const feed = parseFeedDocument(xml);
    // Touch the items here so a malformed document fails as a payload error, not later.
    void feed.items.length;
    return feed;
  } catch (error) {
    throw new SourceError(
      'BAD_PAYLOAD',
      `${source} sent a body that is not an RSS or Atom feed`,
      { source, url: feedUrl },
      { cause: error },
    );
  }
}

/** Titles arrive entity-decoded; some carry markup (Atom `type="html"`) or line breaks from re-indenting. */
function cleanText(text: string): string {
  return text
    .replace(/<\/?[a-z][^<>]*>/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function webLink(link: string | null, feedUrl: string): string | undefined {
  if (!link) return undefined;
  try {
    const url = new URL(link.trim(), feedUrl);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** RSS `<source>` names the publisher of an aggregated item (Google News sets it on every item). */
function publisherOf(item: FeedItem, feed: FeedDocument): string | undefined {
  if (feed.meta.type !== 'rss') return undefined;
  const source = item.element.findElementsWithName('source').find((el) => typeof el.namespace === 'symbol');
  const name = cleanText(source?.textContentNormalized ?? '');
  return name === '' ? undefined : name;
}

/**
 * Google News appends " - Publisher" to every title. Strip exactly the publisher `<source>` names;
 * without one, the last " - " segment is the publisher. Only one suffix goes: "Transcript - Reuters -
 * Reuters" is the story "Transcript - Reuters".
 */
function splitGoogleNewsTitle(
  title: string,
  named: string | undefined,
): { headline: string; publisher?: string } {
  if (named !== undefined && title.toLowerCase().endsWith(` - ${named.toLowerCase()}`)) {
    return { headline: title.slice(0, -(named.length + 3)).trim(), publisher: named };
  }
  const cut = title.lastIndexOf(' - ');
  if (cut <= 0) return { headline: title };
  const tail = title.slice(cut + 3).trim();
  return { headline: title.slice(0, cut).trim(), ...(tail ? { publisher: named ?? tail } : {}) };
}

const DATE_ELEMENTS = ['pubdate', 'published', 'issued', 'date', 'updated', 'modified'] as const;

function itemDate(item: FeedItem): Date | undefined {
  for (const name of DATE_ELEMENTS) {
    const text = item.element.findElementWithName(name)?.textContent;
    if (text === undefined) continue;
    const date = parseFeedDate(text);
    if (date) return date;
  }
  return undefined;
}

/**
 * A guid that is a URL is compared like a link. An opaque guid ("108275158") is only unique within its
 * feed, so it is qualified with the feed's host lest two publishers' numbers collide.
 */
function itemId(item: FeedItem, url: string, feedUrl: string): string {
  const guid = item.id?.trim();
  if (!guid) return normaliseLink(url);
  if (/^https?:\/\//i.test(guid)) return normaliseLink(guid);
  return `${hostOf(feedUrl)}#${guid}`;
}

export function isGoogleNewsFeed(feedUrl: string): boolean {
  return hostOf(feedUrl) === 'news.google.com';
}

const LONG_NAME_CHARS = 40;

/**
 * A channel title short enough to sit beside a headline: "AAPL - News and Analysis from Seeking Alpha"
 * → "Seeking Alpha", "CoinDesk: Bitcoin, Ethereum, XRP, Crypto News and Price Data" → "CoinDesk".
 * Titles that are short already are kept as they are; a feed with no title is named by its host.
 */
export function feedDisplayName(channelTitle: string, feedUrl: string): string {
  const title = cleanText(channelTitle);
  if (title === '') return hostOf(feedUrl).replace(/^www\d*\./, '');
  if (title.length <= LONG_NAME_CHARS) return title;
  const from = /\bfrom\s+(.{3,40})$/i.exec(title)?.[1]?.trim();
  if (from) return from;
  const first = title.split(/\s+[-|–—]\s+|:\s+/)[0]?.trim() ?? '';
  if (first.length >= 3 && first.length <= LONG_NAME_CHARS) return first;
  return `${title.slice(0, LONG_NAME_CHARS - 1).trimEnd()}…`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
}
