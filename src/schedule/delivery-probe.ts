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

/**
 * `load` run once and its answer kept, unless it fails: then the next call tries again. For what a
 * probe learns once per process, such as the bot's own user id.
 */
export function keptUnlessFailed<T>(load: () => Promise<T>): () => Promise<T> {
  let kept: Promise<T> | undefined;
  return () => {
    if (kept === undefined) {
      const loading = load();
      kept = loading;
      loading.catch(() => {
        // A later call may already have started another load: forget only this one.
        if (kept === loading) kept = undefined;
      });
    }
    return kept;
  };
}
