import type { Document } from '../domain/document.ts';
import { formatInstant } from '../domain/format.ts';
import type { DeliveryTarget } from '../store/store.ts';

/** What the owner of a schedule is told when the bot pauses it because a channel refused for good. */
export function pausedNotice(target: DeliveryTarget, reason: string): Document {
  // Plain text: the document model holds no markup, so the channel is named by its id.
  const channelLabel = `channel ${target.channelId}`;
  return {
    title: `Digest ${target.scheduleId} paused: ${channelLabel} cannot receive it`,
    blocks: [
      {
        kind: 'text',
        text: `The ${target.template} brief due ${formatInstant(new Date(target.fireAt), target.timeZone)} could not be posted to ${channelLabel} (${reason}), so the schedule is paused and nothing more will be sent there.`,
      },
      {
        kind: 'text',
        text: `If the bot was removed from the channel, invite it back, then type /digest resume ${target.scheduleId} in that channel. To stop for good: /digest remove ${target.scheduleId}.`,
        tone: 'muted',
      },
    ],
    footer: [],
  };
}
