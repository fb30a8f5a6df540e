import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import { DeliveryError } from '../../delivery/channel-poster.ts';

/**
 * Discord JSON error codes that no retry can fix: the channel is gone, the bot cannot see it, or it
 * may not post there. Any other 4xx (bar 408 and 429) is a request Discord will refuse again, so it
 * is permanent too; 5xx, 429 after the queue gave up, and network failures are transient.
 */
export const PERMANENT_DISCORD_CODES: ReadonlySet<number> = new Set([
  10_003, // Unknown Channel
  50_001, // Missing Access
  50_013, // Missing Permissions
  50_007, // Cannot send messages to this user
  50_035, // Invalid Form Body
  40_005, // Request entity too large
]);

/** A REST failure as a `DeliveryError` that says whether retrying can help. */
export function toDeliveryError(error: unknown, channelId: string): DeliveryError {
  const context = { platform: 'discord' as const, channelId };
  if (error instanceof DiscordAPIError) {
    const numeric = typeof error.code === 'number' ? error.code : undefined;
    const permanent =
      (numeric !== undefined && PERMANENT_DISCORD_CODES.has(numeric)) || isPermanentStatus(error.status);
    return new DeliveryError(
      `Discord refused the message (${error.code} ${error.message})`,
      permanent,
      { ...context, code: String(error.code) },
      { cause: error },
    );
  }
  if (error instanceof RateLimitError) {
    return new DeliveryError(
      'Discord rate limit',
      false,
      { ...context, code: 'rate_limited' },
      { cause: error, retryAfterMs: error.retryAfter },
    );
  }
  if (error instanceof HTTPError) {
    return new DeliveryError(
      `Discord answered HTTP ${error.status}`,
      isPermanentStatus(error.status),
      { ...context, code: `http_${error.status}` },
      { cause: error },
    );
  }
  return new DeliveryError(
    'Discord could not be reached',
    false,
    { ...context, code: 'network' },
    { cause: error },
  );
}

function isPermanentStatus(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}
