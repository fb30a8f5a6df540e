import type { FeedSource, Headline, SourceRef, Topic } from '../domain/market-data.ts';
import { dedupeHeadlines } from './dedupe-headlines.ts';

export interface CollectHeadlinesOptions {
  /** Called once per feed that failed, so the failure is logged with its context. */
  readonly onError?: (source: SourceRef, error: unknown) => void;
}

/**
 * Fetches every feed at once. A feed that fails is reported and skipped, never failing the set; the
 * rest are deduplicated and sorted newest first.
 */
export async function collectHeadlines(
  sources: readonly FeedSource[],
  options: CollectHeadlinesOptions = {},
): Promise<{ headlines: Headline[]; failed: SourceRef[] }> {
  const results = await Promise.allSettled(sources.map((source) => source.fetchHeadlines()));
  const collected: Headline[] = [];
  const failed: SourceRef[] = [];
  results.forEach((result, index) => {
    const source = sources[index];
    if (source === undefined) return;
    if (result.status === 'fulfilled') {
      collected.push(...result.value);
      return;
    }
    failed.push(source.ref);
    options.onError?.(source.ref, result.reason);
  });
  return { headlines: dedupeHeadlines(collected), failed };
}

/** The first `limit` headlines about `topic` (all topics when undefined), keeping their order. */
export function filterByTopic(
  headlines: readonly Headline[],
  topic: Topic | undefined,
  limit: number,
): Headline[] {
  const matching = topic === undefined ? headlines : headlines.filter((h) => h.topics.includes(topic));
  return matching.slice(0, Math.max(0, Math.floor(limit)));
}
