import type { DeliveryError } from '../delivery/channel-poster.ts';

/**
 * Permanent failures that are about the channel itself (gone, archived, the bot removed or not
 * allowed to post there), as each platform's adapter reports them in `context.code`. Only these
 * pause a schedule: a dead token or a payload the platform refuses is the bot's problem, fails
 * every schedule alike, and must not leave them all paused once it is fixed.
 */
const CHANNEL_REFUSALS: Readonly<Record<string, ReadonlySet<string>>> = {
  slack: new Set([
    'channel_not_found',
    'not_in_channel',
    'is_archived',
    'restricted_action',
    'restricted_action_read_only_channel',
    'restricted_action_thread_only_channel',
    'restricted_action_non_threadable_channel',
    'ekm_access_denied',
  ]),
  // Unknown Channel, Missing Access, Missing Permissions.
  discord: new Set(['10003', '50001', '50013']),
};

export function isChannelRefusal(error: DeliveryError): boolean {
  const code = error.context.code;
  return code !== undefined && (CHANNEL_REFUSALS[error.context.platform]?.has(code) ?? false);
}
