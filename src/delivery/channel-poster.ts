import type { Document } from '../domain/document.ts';

export type Platform = 'slack' | 'discord';

/** Where a message goes: a platform and its channel id. */
export interface ChannelAddress {
  readonly platform: Platform;
  readonly channelId: string;
}

/**
 * A port for posting a document to a channel outside any command (scheduled briefs, alerts, the
 * "Post to channel" button). Each platform's adapter renders with its own renderer, respects its
 * rate limits, and sends with mentions disabled.
 */
export interface ChannelPoster {
  readonly platform: Platform;
  post(channelId: string, document: Document): Promise<PostResult>;
}

export interface PostResult {
  /** Platform ids of the messages sent (a long document may be split into several). */
  readonly messageIds: readonly string[];
}

/**
 * A delivery that failed. `permanent` failures (channel gone, bot removed, no permission) are not
 * retried; the owner of the schedule or alert is told instead.
 */
export class DeliveryError extends Error {
  override readonly name = 'DeliveryError';
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly context: { readonly platform: Platform; readonly channelId: string; readonly code?: string },
    options?: { cause?: unknown; retryAfterMs?: number },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.retryAfterMs = options?.retryAfterMs;
  }
  readonly retryAfterMs: number | undefined;
}
