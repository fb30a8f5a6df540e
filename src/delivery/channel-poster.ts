import type { Document } from '../domain/document.ts';
import type { Logger } from '../log/logger.ts';

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
  /**
   * Sends the document's parts in order. `resume` is what an earlier attempt at the same document
   * and channel already sent (from its `DeliveryError.sent`): those parts are not sent again.
   */
  post(channelId: string, document: Document, resume?: PartialPost): Promise<PostResult>;
}

export interface PostResult {
  /** Platform ids of the messages sent (a long document may be split into several). */
  readonly messageIds: readonly string[];
}

/**
 * How far a post got: its first `parts` parts arrived (a part is one message, or one share of
 * pictures), as the messages `messageIds`.
 */
export interface PartialPost {
  readonly parts: number;
  readonly messageIds: readonly string[];
}

export const NOTHING_SENT: PartialPost = { parts: 0, messageIds: [] };

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
    options?: { cause?: unknown; retryAfterMs?: number; sent?: PartialPost },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.retryAfterMs = options?.retryAfterMs;
    this.sent = options?.sent ?? NOTHING_SENT;
  }
  readonly retryAfterMs: number | undefined;
  /** The parts that arrived before the failure: a retry resumes after them. */
  readonly sent: PartialPost;
}

/**
 * Whether the message may be in the channel despite the failure: some of its parts arrived, or the
 * platform never answered (a timeout, a dropped connection, a 5xx). A refusal (a permanent error,
 * a 429) means nothing of it was posted.
 */
export function mayHaveArrived(error: DeliveryError): boolean {
  return error.sent.parts > 0 || (!error.permanent && error.retryAfterMs === undefined);
}

/** The same failure, saying which parts had arrived before it. */
export function failedAfter(error: DeliveryError, sent: PartialPost): DeliveryError {
  if (sent.parts === 0) return error;
  return new DeliveryError(error.message, error.permanent, error.context, {
    cause: error.cause,
    ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
    sent,
  });
}

/** One part of a post: sends a message (or a share of pictures) and returns the ids it got. */
export type PostPart = () => Promise<readonly string[]>;

/**
 * Sends `parts` in order, skipping those `resume` says arrived already. A part that fails ends the
 * post with the `DeliveryError` `toFailure` makes of it, logged with the parts that had arrived and
 * carrying them, so a retry resumes after those parts instead of sending them again.
 */
export async function sendParts(
  parts: readonly PostPart[],
  resume: PartialPost,
  failure: { readonly toError: (error: unknown) => DeliveryError; readonly log: Logger },
): Promise<PostResult> {
  const messageIds = [...resume.messageIds];
  for (let index = resume.parts; index < parts.length; index += 1) {
    const part = parts[index] as PostPart;
    try {
      messageIds.push(...(await part()));
    } catch (cause) {
      const error = failedAfter(failure.toError(cause), { parts: index, messageIds });
      failure.log.warn(
        { err: error, channel: error.context.channelId, sent: messageIds, permanent: error.permanent },
        `${error.context.platform} delivery failed`,
      );
      throw error;
    }
  }
  return { messageIds };
}
