/** A value as the cache holds it: when it was fetched, and whether the last refresh failed. */
export interface Cached<T> {
  readonly value: T;
  readonly fetchedAt: Date;
  /** True when the last refresh failed and this is the last good value. */
  readonly stale: boolean;
  /** Why the last refresh failed, when it did. */
  readonly error?: unknown;
}

/** How one read treats a key whose source is failing. */
export interface ReadOptions {
  /**
   * Wait for a refresh instead of taking the stale value at once: a read that is not fresh joins the
   * load in flight or starts one, even inside the failure pause, and gets the stale value only if
   * that load fails too. For readers that run on their own schedule and want the newest figures
   * (the refresher, a scheduled brief), not for commands, whose users are waiting.
   */
  readonly waitForRefresh?: boolean;
}

export interface CacheOptions {
  readonly now?: () => number;
  /** How long a failed load keeps a key from being loaded again (see `RETRY_AFTER_FAILURE_MS`). */
  readonly retryAfterFailureMs?: number;
  /** Called once per failed refresh, with the key, so the failure is logged with its context. */
  readonly onRefreshError?: (key: string, error: unknown) => void;
}

/**
 * After a failed load, a key is not loaded again for this long. A source that is down answers
 * slowly (an 8 s timeout, retried) or fails at once; either way, asking it again on every command
 * would make every caller wait for the same failure, or hammer it.
 */
export const RETRY_AFTER_FAILURE_MS = 30_000;

/**
 * A TTL cache with single flight: concurrent callers of a cold or expired key share one load. When a
 * refresh fails, the last good value is served marked stale; with no last good value, the error is
 * thrown to every waiting caller.
 *
 * While a key's last load has failed, nobody waits on its source: for `RETRY_AFTER_FAILURE_MS`
 * callers get the stale value (or the failure) at once without a load; after that, the next caller
 * starts one in the background and still gets the stale value at once, or, with no value to serve,
 * waits for it. A read with `waitForRefresh` ignores the pause and waits for a load.
 */
export interface Cache {
  get<T>(key: string, ttlMs: number, load: () => Promise<T>, read?: ReadOptions): Promise<Cached<T>>;
  /** The entry as it stands, without loading; undefined when never loaded. */
  peek<T>(key: string): Cached<T> | undefined;
  /** The entry while it is within its TTL (a `get` would answer it without loading); else undefined. */
  fresh<T>(key: string, ttlMs: number): Cached<T> | undefined;
}

interface Entry {
  cached?: Cached<unknown>;
  loadedAtMs: number;
  inFlight?: Promise<Cached<unknown>>;
  /** When the last load failed and with what, until a load succeeds. */
  failed?: { readonly atMs: number; readonly error: unknown };
}

export function createCache(options: CacheOptions = {}): Cache {
  const now = options.now ?? Date.now;
  const retryAfterFailureMs = options.retryAfterFailureMs ?? RETRY_AFTER_FAILURE_MS;
  const entries = new Map<string, Entry>();

  function fresh<T>(key: string, ttlMs: number): Cached<T> | undefined {
    const entry = entries.get(key);
    return entry?.cached !== undefined && now() - entry.loadedAtMs < ttlMs
      ? (entry.cached as Cached<T>)
      : undefined;
  }

  function get<T>(
    key: string,
    ttlMs: number,
    load: () => Promise<T>,
    read?: ReadOptions,
  ): Promise<Cached<T>> {
    const entry = entries.get(key) ?? { loadedAtMs: Number.NEGATIVE_INFINITY };
    entries.set(key, entry);
    if (entry.cached && now() - entry.loadedAtMs < ttlMs) return Promise.resolve(entry.cached as Cached<T>);
    const { failed } = entry;
    if (failed !== undefined && read?.waitForRefresh !== true) {
      // The source failed last time: serve what there is at once rather than wait on it again.
      const due = now() - failed.atMs >= retryAfterFailureMs;
      if (due && !entry.inFlight) startLoad(key, entry, load).catch(() => undefined);
      if (entry.cached) return Promise.resolve(entry.cached as Cached<T>);
      if (!due && !entry.inFlight) return Promise.reject(failed.error);
    }
    return (entry.inFlight ?? startLoad(key, entry, load)) as Promise<Cached<T>>;
  }

  function startLoad<T>(key: string, entry: Entry, load: () => Promise<T>): Promise<Cached<unknown>> {
    const flight = (async (): Promise<Cached<unknown>> => {
      try {
        const value = await load();
        entry.cached = { value, fetchedAt: new Date(now()), stale: false };
        entry.loadedAtMs = now();
        delete entry.failed;
        return entry.cached;
      } catch (error) {
        options.onRefreshError?.(key, error);
        entry.failed = { atMs: now(), error };
        if (!entry.cached) throw error;
        entry.cached = { value: entry.cached.value, fetchedAt: entry.cached.fetchedAt, stale: true, error };
        return entry.cached;
      } finally {
        delete entry.inFlight;
      }
    })();
    entry.inFlight = flight;
    return flight;
  }

  function peek<T>(key: string): Cached<T> | undefined {
    return entries.get(key)?.cached as Cached<T> | undefined;
  }

  return { get, peek, fresh };
}
