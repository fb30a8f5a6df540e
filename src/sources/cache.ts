/** A value as the cache holds it: when it was fetched, and whether the last refresh failed. */
export interface Cached<T> {
  readonly value: T;
  readonly fetchedAt: Date;
  /** True when the last refresh failed and this is the last good value. */
  readonly stale: boolean;
  /** Why the last refresh failed, when it did. */
  readonly error?: unknown;
}

export interface CacheOptions {
  readonly now?: () => number;
  /** Called once per failed refresh, with the key, so the failure is logged with its context. */
  readonly onRefreshError?: (key: string, error: unknown) => void;
}

/**
 * A TTL cache with single flight: concurrent callers of a cold or expired key share one load. When a
 * refresh fails, the last good value is served marked stale; with no last good value, the error is
 * thrown to every waiting caller.
 */
export interface Cache {
  get<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<Cached<T>>;
  /** The entry as it stands, without loading; undefined when never loaded. */
  peek<T>(key: string): Cached<T> | undefined;
  /** Whether a call to `get` would answer without waiting for a load. */
  isFresh(key: string, ttlMs: number): boolean;
  /** The entry when a call to `get` would answer it without loading; undefined otherwise. */
  fresh<T>(key: string, ttlMs: number): Cached<T> | undefined;
}

interface Entry {
  cached?: Cached<unknown>;
  loadedAtMs: number;
  inFlight?: Promise<Cached<unknown>>;
}

export function createCache(options: CacheOptions = {}): Cache {
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();

  function fresh<T>(key: string, ttlMs: number): Cached<T> | undefined {
    const entry = entries.get(key);
    return entry?.cached !== undefined && now() - entry.loadedAtMs < ttlMs
      ? (entry.cached as Cached<T>)
      : undefined;
  }

  function isFresh(key: string, ttlMs: number): boolean {
    return fresh(key, ttlMs) !== undefined;
  }

  function get<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<Cached<T>> {
    const entry = entries.get(key) ?? { loadedAtMs: Number.NEGATIVE_INFINITY };
    entries.set(key, entry);
    if (entry.cached && now() - entry.loadedAtMs < ttlMs) return Promise.resolve(entry.cached as Cached<T>);
    if (entry.inFlight) return entry.inFlight as Promise<Cached<T>>;

    const flight = (async (): Promise<Cached<unknown>> => {
      try {
        const value = await load();
        entry.cached = { value, fetchedAt: new Date(now()), stale: false };
        entry.loadedAtMs = now();
        return entry.cached;
      } catch (error) {
        options.onRefreshError?.(key, error);
        if (!entry.cached) throw error;
        // Keep serving the last good value, but retry on the next call rather than after a full TTL.
        entry.cached = { value: entry.cached.value, fetchedAt: entry.cached.fetchedAt, stale: true, error };
        return entry.cached;
      } finally {
        entry.inFlight = undefined as never;
        delete entry.inFlight;
      }
    })();
    entry.inFlight = flight;
    return flight as Promise<Cached<T>>;
  }

  function peek<T>(key: string): Cached<T> | undefined {
    return entries.get(key)?.cached as Cached<T> | undefined;
  }

  return { get, peek, isFresh, fresh };
}
