import type { Asset, Market } from '../domain/instruments.ts';
import type {
  CurveHistory,
  CurveSource,
  FeedSource,
  Headline,
  Quote,
  QuoteSource,
  SourceRef,
} from '../domain/market-data.ts';
import { SourceError } from '../errors.ts';
import type { Logger } from '../log/logger.ts';
import type { Cache, Cached, ReadOptions } from '../sources/cache.ts';
import { firstAnswer } from '../sources/fallback-chain.ts';

/** A value with where it came from and how fresh it is. */
export interface Sourced<T> {
  readonly value: T;
  readonly source: SourceRef;
  readonly fetchedAt: Date;
  /** The last refresh failed; this is the last good value. */
  readonly stale: boolean;
}

export interface HeadlineSet {
  readonly headlines: readonly Headline[];
  readonly failed: readonly SourceRef[];
}

export type { ReadOptions };

/**
 * What commands and briefings read. Every read goes through the cache; a cold cache fetches once.
 * While a source is failing, a read answers from the last good value at once (marked stale) unless
 * it asks to wait for a refresh (see `ReadOptions`).
 */
export interface MarketService {
  curve(market: Market, read?: ReadOptions): Promise<Sourced<CurveHistory>>;
  quote(asset: Asset, read?: ReadOptions): Promise<Sourced<Quote>>;
  headlines(read?: ReadOptions): Promise<Sourced<HeadlineSet>>;
}

export interface MarketServiceDeps {
  readonly curveSources: Readonly<Record<Market, readonly CurveSource[]>>;
  readonly quoteSources: Readonly<Record<Asset, readonly QuoteSource[]>>;
  readonly feeds: readonly FeedSource[];
  readonly collectHeadlines: (feeds: readonly FeedSource[]) => Promise<HeadlineSet>;
  readonly cache: Cache;
  readonly log: Logger;
  readonly ttlMs?: Partial<typeof TTL_MS>;
  /** Told of every source attempt, for health and metrics. */
  readonly observer?: SourceObserver;
}

/** Receives the outcome of each source request a chain makes. */
export interface SourceObserver {
  onSourceResult(result: {
    readonly source: string;
    readonly ok: boolean;
    readonly durationMs: number;
    readonly code?: string;
  }): void;
}

/**
 * How long a value is served before the next read refreshes it. Curves are end-of-day but the
 * publication time drifts, so they are re-checked often; Yahoo asks for at least a minute.
 */
export const TTL_MS = {
  curve: 15 * 60_000,
  price: 60_000,
  crypto: 30_000,
  headlines: 5 * 60_000,
} as const;

const CRYPTO: ReadonlySet<Asset> = new Set(['xrp', 'btc']);

const fetchHistory = (source: CurveSource) => source.fetchHistory();

function sourced<T>(cached: Cached<{ value: T; source: SourceRef }>): Sourced<T> {
  const { value, source } = cached.value;
  return { value, source, fetchedAt: cached.fetchedAt, stale: cached.stale };
}

export function createMarketService(deps: MarketServiceDeps): MarketService {
  const ttl = { ...TTL_MS, ...deps.ttlMs };
  const { cache, log } = deps;

  function fromChain<S extends { readonly ref: SourceRef }, T>(
    key: string,
    ttlMs: number,
    sources: readonly S[],
    ask: (source: S) => Promise<T>,
    read: ReadOptions | undefined,
  ): Promise<Sourced<T>> {
    // A warm read (almost every read) answers from the entry without building a loader.
    const fresh = cache.fresh<{ value: T; source: SourceRef }>(key, ttlMs);
    if (fresh) return Promise.resolve(sourced(fresh));
    return cache.get(key, ttlMs, () => loadFromChain(key, sources, ask), read).then((c) => sourced<T>(c));
  }

  async function loadFromChain<S extends { readonly ref: SourceRef }, T>(
    key: string,
    sources: readonly S[],
    ask: (source: S) => Promise<T>,
  ): Promise<{ value: T; source: SourceRef }> {
    const observed = (source: S): Promise<T> => {
      const started = performance.now();
      const report = (ok: boolean, code?: string) =>
        deps.observer?.onSourceResult({
          source: source.ref.id,
          ok,
          durationMs: performance.now() - started,
          ...(code ? { code } : {}),
        });
      return ask(source).then(
        (value) => {
          report(true);
          return value;
        },
        (error: unknown) => {
          report(false, error instanceof SourceError ? error.code : 'ERROR');
          throw error;
        },
      );
    };
    const answer = await firstAnswer(sources, observed, key);
    for (const failure of answer.failures) {
      log.warn(
        {
          key,
          source: failure.context.source,
          code: failure.code,
          url: failure.context.url,
          err: failure.message,
        },
        'source failed, fell back',
      );
    }
    return { value: answer.value, source: answer.source.ref };
  }

  return {
    curve(market, read) {
      return fromChain(`curve:${market}`, ttl.curve, deps.curveSources[market], fetchHistory, read);
    },
    quote(asset, read) {
      const sources = deps.quoteSources[asset].filter((s) => s.supports(asset));
      return fromChain(
        `quote:${asset}`,
        CRYPTO.has(asset) ? ttl.crypto : ttl.price,
        sources,
        (s) => s.fetchQuote(asset),
        read,
      );
    },
    async headlines(read) {
      const cached = await cache.get(
        'headlines',
        ttl.headlines,
        async () => {
          const set = await deps.collectHeadlines(deps.feeds);
          if (set.headlines.length === 0 && set.failed.length > 0) {
            throw new SourceError('ALL_SOURCES_FAILED', 'No headline feed answered', { source: 'rss' });
          }
          return set;
        },
        read,
      );
      return {
        value: cached.value,
        source: { id: 'rss', name: 'news feeds' },
        fetchedAt: cached.fetchedAt,
        stale: cached.stale,
      };
    },
  };
}
