import type { Logger } from '../../log/logger.ts';
import type { WebClient } from './slack-web-client.ts';

/** Roles change rarely; a few minutes of staleness saves a users.info call on every command. */
export const MANAGER_CACHE_TTL_MS = 5 * 60_000;
/**
 * A failed lookup (Slack down, `users:read` missing, an unknown user) answers "no" for this long
 * before asking again, so an outage does not add a failing round trip to every command.
 */
export const FAILED_LOOKUP_TTL_MS = 30_000;

/**
 * Whether a Slack user may manage a channel's schedules and alerts: listed in `SLACK_MANAGER_IDS`,
 * or a workspace owner or admin according to users.info (needs `users:read`). Answers are cached
 * per user; concurrent lookups for one user share one call; a failed lookup answers "no" (a Slack
 * hiccup never grants rights) and is asked again after `FAILED_LOOKUP_TTL_MS`.
 */
export interface SlackManagerCheck {
  isManager(userId: string): Promise<boolean>;
}

export interface SlackManagerCheckOptions {
  readonly client: WebClient;
  readonly managerIds: readonly string[];
  readonly log: Logger;
  readonly ttlMs?: number;
  readonly failedTtlMs?: number;
  readonly now?: () => number;
}

export function createSlackManagerCheck(options: SlackManagerCheckOptions): SlackManagerCheck {
  const listed = new Set(options.managerIds);
  const ttlMs = options.ttlMs ?? MANAGER_CACHE_TTL_MS;
  const failedTtlMs = options.failedTtlMs ?? FAILED_LOOKUP_TTL_MS;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { value: boolean; expires: number }>();
  const inFlight = new Map<string, Promise<boolean>>();

  async function lookUp(userId: string): Promise<boolean> {
    try {
      const { user } = await options.client.users.info({ user: userId });
      const value = user?.deleted !== true && (user?.is_owner === true || user?.is_admin === true);
      cache.set(userId, { value, expires: now() + ttlMs });
      return value;
    } catch (error) {
      options.log.warn({ err: error, user: userId }, 'users.info failed; treating the user as a non-manager');
      cache.set(userId, { value: false, expires: now() + failedTtlMs });
      return false;
    } finally {
      inFlight.delete(userId);
    }
  }

  return {
    isManager(userId) {
      if (listed.has(userId)) return Promise.resolve(true);
      const cached = cache.get(userId);
      if (cached && cached.expires > now()) return Promise.resolve(cached.value);
      const pending = inFlight.get(userId) ?? lookUp(userId);
      inFlight.set(userId, pending);
      return pending;
    },
  };
}
