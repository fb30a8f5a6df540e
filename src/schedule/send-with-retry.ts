import {
  type ChannelPoster,
  DeliveryError,
  NOTHING_SENT,
  type PartialPost,
} from '../delivery/channel-poster.ts';
import type { Document } from '../domain/document.ts';
import { errorMessage } from '../errors.ts';
import type { DeliveryProbe } from './delivery-probe.ts';
import type { SchedulerClock } from './scheduler-clock.ts';

export interface RetryPolicy {
  /** First wait after a transient failure; doubles each time, with jitter. */
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { initialDelayMs: 2_000, maxDelayMs: 120_000 };

export type SendResult =
  | { readonly kind: 'sent'; readonly messageIds: readonly string[]; readonly note?: string }
  | { readonly kind: 'permanent'; readonly error: DeliveryError }
  | { readonly kind: 'gave-up'; readonly error: string; readonly attempts: number }
  | { readonly kind: 'stopped' };

export interface SendRequest {
  readonly poster: ChannelPoster;
  readonly channelId: string;
  readonly document: Document;
  readonly probe: DeliveryProbe | undefined;
  /** Look in the channel before the first send: an earlier claimer may have sent it already. */
  readonly checkFirst: boolean;
  /** Messages posted by this bot since then count as an earlier attempt's. */
  readonly since: Date;
  /** No send starts after this instant: a brief later than its grace window is not sent. */
  readonly deadline: Date;
  readonly clock: SchedulerClock;
  readonly policy: RetryPolicy;
  readonly signal: AbortSignal;
  readonly onRetry?: (error: unknown, waitMs: number) => void;
  readonly onProbeFailed?: (error: unknown) => void;
}

/**
 * Sends one brief to one channel: transient failures are retried with exponential backoff (at
 * least as long as a 429's Retry-After) until the deadline; a permanent failure stops at once.
 * After a failure whose outcome is unknown (a timeout, a 5xx) the probe looks before resending; after
 * one that ended a post part-way, the next attempt sends only the parts that had not arrived.
 */
export async function sendWithRetry(request: SendRequest): Promise<SendResult> {
  const { clock, policy } = request;
  let checkFirst = request.checkFirst;
  // What earlier attempts are known to have sent: the next one resumes after it.
  let sent: PartialPost = NOTHING_SENT;
  for (let attempt = 1; ; attempt += 1) {
    if (request.signal.aborted) return { kind: 'stopped' };
    let note: string | undefined;
    // Once a part is known to have arrived, the probe (which looks for the first) has nothing to add.
    if (checkFirst && request.probe && sent.parts === 0) {
      try {
        const found = await request.probe.findPosted(request.channelId, request.document, request.since);
        if (found && attempt === 1) {
          // Another process's attempt: how far it got past the first message cannot be known.
          return {
            kind: 'sent',
            messageIds: found,
            note: 'found in the channel: an earlier attempt had sent it',
          };
        }
        if (found) {
          // This process's own attempt failed on the first part, which arrived after all: send the rest.
          sent = { parts: 1, messageIds: found };
          note = 'the first message was found in the channel; the rest were sent after it';
        }
      } catch (error) {
        // Cannot tell: sending again risks a duplicate, not sending risks a lost brief; a desk
        // would rather see a brief twice than not at all.
        request.onProbeFailed?.(error);
      }
    }
    // Composing, probing and waiting take time: no send starts after the deadline.
    if (clock.now().getTime() > request.deadline.getTime()) {
      return { kind: 'gave-up', error: 'the deadline passed before it could be sent', attempts: attempt - 1 };
    }
    try {
      const result = await request.poster.post(request.channelId, request.document, sent);
      return { kind: 'sent', messageIds: result.messageIds, ...(note ? { note } : {}) };
    } catch (error) {
      if (error instanceof DeliveryError && error.sent.parts > sent.parts) sent = error.sent;
      if (error instanceof DeliveryError && error.permanent) return { kind: 'permanent', error };
      const wait = Math.max(backoffMs(policy, attempt), retryAfterMs(error));
      if (clock.now().getTime() + wait > request.deadline.getTime()) {
        return { kind: 'gave-up', error: errorMessage(error), attempts: attempt };
      }
      request.onRetry?.(error, wait);
      await clock.sleep(wait, request.signal);
      // A rate-limit refusal means it was not posted; anything else may have been.
      checkFirst = retryAfterMs(error) === 0;
    }
  }
}

function retryAfterMs(error: unknown): number {
  return error instanceof DeliveryError && error.retryAfterMs !== undefined ? error.retryAfterMs : 0;
}

function backoffMs(policy: RetryPolicy, attempt: number): number {
  const base = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** (attempt - 1));
  // Full jitter on the upper half: instances retrying together spread out.
  return Math.round(base / 2 + (Math.random() * base) / 2);
}
