import { type Headline, TOPICS, type Topic } from '../domain/market-data.ts';
import { normaliseLink } from './normalise-link.ts';

// Two items with the same normalised title are the same story only if they were published close
// together: "Wall Street Week Ahead" and "Morning Bid" recur under the same title every week.
const SAME_STORY_WINDOW_MS = 72 * 3_600_000;
// Very short titles ("Transcript", "Deja vu?") name a genre, not a story.
const MIN_TITLE_WORDS = 3;

/**
 * Drops repeats: first items sharing a guid or a normalised link, then items whose normalised titles
 * match (published within 72 hours of each other). Of two repeats the earlier published
 * one is kept (the first seen when that cannot be told), with the topics of both. Sorted newest first,
 * undated items last.
 */
export function dedupeHeadlines(items: readonly Headline[]): Headline[] {
  const byIdentity = mergeByIdentity(items);
  const publishers = new Set(items.map((item) => item.source.toLowerCase()));
  const kept: Headline[] = [];
  const byTitle = new Map<string, number[]>();
  for (const item of byIdentity) {
    const key = titleKey(item, publishers);
    const candidates = key === undefined ? [] : (byTitle.get(key) ?? []);
    const match = candidates.find((index) => {
      const other = kept[index];
      return other !== undefined && closeInTime(other, item);
    });
    if (match !== undefined) {
      const other = kept[match];
      if (other) kept[match] = merge(other, item);
      continue;
    }
    if (key !== undefined) byTitle.set(key, [...candidates, kept.length]);
    kept.push(item);
  }
  return sortNewestFirst(kept);
}

function mergeByIdentity(items: readonly Headline[]): Headline[] {
  const kept: Headline[] = [];
  const indexByKey = new Map<string, number>();
  for (const item of items) {
    const keys = [`id:${item.id}`, `link:${normaliseLink(item.url)}`];
    const index = keys.map((key) => indexByKey.get(key)).find((found) => found !== undefined);
    const target = index ?? kept.length;
    const existing = index === undefined ? undefined : kept[index];
    kept[target] = existing ? merge(existing, item) : item;
    for (const key of keys) indexByKey.set(key, target);
  }
  return kept;
}

/** The earlier-published of two repeats (or the first seen), carrying the topics of both. */
function merge(first: Headline, second: Headline): Headline {
  const laterIsEarlier =
    first.publishedAt !== undefined &&
    second.publishedAt !== undefined &&
    second.publishedAt.getTime() < first.publishedAt.getTime();
  const winner = laterIsEarlier ? second : first;
  const topics = new Set<Topic>([...first.topics, ...second.topics]);
  return { ...winner, topics: TOPICS.filter((topic) => topics.has(topic)) };
}

function closeInTime(a: Headline, b: Headline): boolean {
  if (a.publishedAt === undefined || b.publishedAt === undefined) return true;
  return Math.abs(a.publishedAt.getTime() - b.publishedAt.getTime()) <= SAME_STORY_WINDOW_MS;
}

/**
 * Lowercased, without punctuation, whitespace collapsed, and without a trailing " - Publisher" when
 * the publisher is the item's own source or another source in the batch (an aggregator's copy of a
 * story keeps the publisher in its title).
 */
export function titleKey(item: Headline, publishers: ReadonlySet<string>): string | undefined {
  let title = item.title.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  const cut = title.lastIndexOf(' - ');
  if (cut > 0) {
    const tail = title.slice(cut + 3).trim();
    if (tail === item.source.toLowerCase() || publishers.has(tail)) title = title.slice(0, cut);
  }
  const key = title
    // Apostrophes and abbreviation dots join ("U.S." = "US", "Iran's" = "Irans"); other marks separate.
    .replace(/['’‘`.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return key.split(' ').length >= MIN_TITLE_WORDS ? key : undefined;
}

function sortNewestFirst(items: readonly Headline[]): Headline[] {
  return items
    .map((item, order) => ({ item, order }))
    .sort((a, b) => {
      const ta = a.item.publishedAt?.getTime();
      const tb = b.item.publishedAt?.getTime();
      if (ta === undefined || tb === undefined) {
        if (ta !== tb) return ta === undefined ? 1 : -1;
        return a.order - b.order;
      }
      return tb - ta || a.order - b.order;
    })
    .map(({ item }) => item);
}
