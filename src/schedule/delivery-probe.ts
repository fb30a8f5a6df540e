import type { Document } from '../domain/document.ts';

/**
 * A platform-side check that a brief already reached a channel. It closes the one gap a ledger
 * cannot: a process that dies after the platform accepted a message but before the ledger
 * recorded it. Before such a delivery is sent again, the probe looks in the channel.
 */
export interface DeliveryProbe {
  /**
   * Ids of the messages this bot posted to `channelId` since `since` that carry `document`, or
   * undefined when there are none. Throws when it cannot tell (no permission to read history).
   */
  findPosted(channelId: string, document: Document, since: Date): Promise<readonly string[] | undefined>;
}
