import type { IncomingMessage } from 'node:http';
import {
  type AnyMiddlewareArgs,
  HTTPModuleFunctions,
  type Middleware,
  type ReceiverProcessEventErrorHandlerArgs,
} from '@slack/bolt';
import type { Logger } from '../../log/logger.ts';
import type { SeenSignatures } from '../../store/store.ts';

/** Slack's own window: Bolt refuses a request timestamp more than five minutes old. */
export const SIGNATURE_WINDOW_SECONDS = 300;

/**
 * Remembers the signatures of accepted requests for as long as their timestamp stays inside the
 * window, so an exact replay is refused. Bolt checks the signature and staleness but keeps no
 * memory: a captured request would otherwise run its command again for five minutes. A request
 * dated in the future is refused too, or it could be replayed until that time came.
 */
export interface ReplayGuard {
  admit(signature: string, timestampSeconds: number): 'fresh' | 'replayed' | 'future';
}

export function createReplayGuard(options: { now?: () => number } = {}): ReplayGuard {
  const now = options.now ?? Date.now;
  const seen = new Map<string, number>();
  return {
    admit(signature, timestampSeconds) {
      const nowMs = now();
      // Entries arrive in roughly timestamp order and a Map iterates in insertion order, so expired
      // ones sit at the front: drop them until the first live one. Amortised O(1) per request,
      // where a full sweep would cost the whole window on every request once the map is large.
      for (const [key, expires] of seen) {
        if (expires > nowMs) break;
        seen.delete(key);
      }
      if (timestampSeconds * 1_000 > nowMs + SIGNATURE_WINDOW_SECONDS * 1_000) return 'future';
      const expires = seen.get(signature);
      if (expires !== undefined && expires > nowMs) return 'replayed';
      seen.set(signature, (timestampSeconds + SIGNATURE_WINDOW_SECONDS) * 1_000);
      return 'fresh';
    },
  };
}

/** Names under which the request's signature reaches Bolt's context. */
interface SignedContext {
  readonly slackSignature?: string;
  readonly slackRequestTimestamp?: string;
}

/**
 * Bolt's `customPropertiesExtractor` for the HTTP receiver. Bolt calls it only once the request
 * has passed its own checks (signature, staleness), so whatever reaches the guard below was signed
 * with our secret: forged requests can neither fill the guard's memory nor block a genuine one,
 * and the body is read and hashed once, by Bolt.
 */
export function signatureProperties(request: IncomingMessage): SignedContext {
  const signature = request.headers['x-slack-signature'];
  const timestamp = request.headers['x-slack-request-timestamp'];
  // Bolt has verified both headers before calling this; the checks only satisfy the types.
  if (typeof signature !== 'string' || typeof timestamp !== 'string') return {};
  return { slackSignature: signature, slackRequestTimestamp: timestamp };
}

/** Thrown by the guard; the HTTP receiver turns it into a 401 before any handler has run. */
export class ReplayRefusedError extends Error {
  override readonly name = 'ReplayRefusedError';
  /** Bolt passes errors with a `code` through its error handling unchanged. */
  readonly code = 'briefbot_slack_replay_refused';
  constructor(readonly verdict: 'replayed' | 'future') {
    super(`Slack request refused: ${verdict === 'replayed' ? 'replayed' : 'dated in the future'}`);
  }
}

/**
 * The check across instances: a signature one instance accepted is refused by every other one on
 * the same PostgreSQL store. Only a signature this instance has not seen reaches it (the local
 * guard answers repeats in memory). If the database cannot answer, the request is admitted and
 * the failure logged: Slack's own checks and the local guard still stand, and a database outage
 * should not take every command down with it.
 */
export type SharedReplayCheck = (signature: string, timestampSeconds: number) => Promise<boolean>;

export function sharedReplayCheck(
  signatures: SeenSignatures,
  options: { log: Logger; now?: () => number },
): SharedReplayCheck {
  const now = options.now ?? Date.now;
  return async (signature, timestampSeconds) => {
    const expiresAt = new Date((timestampSeconds + SIGNATURE_WINDOW_SECONDS) * 1_000).toISOString();
    try {
      return await signatures.admit(signature, expiresAt, new Date(now()).toISOString());
    } catch (error) {
      options.log.warn({ err: error }, 'could not check the Slack request against other instances');
      return true;
    }
  };
}

/**
 * The first global middleware in HTTP mode: refuses a verified request whose signature was already
 * seen inside the window (by this instance, or by another one through `shared`), or whose
 * timestamp lies in the future. Socket Mode requests carry no signature (the socket is
 * authenticated instead) and pass.
 */
export function refuseReplays(guard: ReplayGuard, shared?: SharedReplayCheck): Middleware<AnyMiddlewareArgs> {
  return async ({ context, next }) => {
    const { slackSignature, slackRequestTimestamp } = context as SignedContext;
    if (slackSignature !== undefined && slackRequestTimestamp !== undefined) {
      const timestamp = Number(slackRequestTimestamp);
      const verdict = guard.admit(slackSignature, timestamp);
      if (verdict !== 'fresh') throw new ReplayRefusedError(verdict);
      if (shared && !(await shared(slackSignature, timestamp))) throw new ReplayRefusedError('replayed');
    }
    await next();
  };
}

/**
 * The HTTP receiver's `processEventErrorHandler`: a refused replay gets 401 and a warning; every
 * other error goes to Bolt's default handling.
 */
export function answerRefusedReplays(log: Logger) {
  return async (args: ReceiverProcessEventErrorHandlerArgs): Promise<boolean> => {
    const refused = replayRefusal(args.error);
    if (!refused) return HTTPModuleFunctions.defaultProcessEventErrorHandler(args);
    log.warn({ verdict: refused.verdict }, 'refused a Slack request: replayed or dated in the future');
    if (!args.response.headersSent) {
      args.response.writeHead(401);
      args.response.end();
    }
    return true;
  };
}

/** The refusal in a Bolt error, which may arrive as thrown or wrapped as `original`. */
export function replayRefusal(error: unknown): ReplayRefusedError | undefined {
  if (error instanceof ReplayRefusedError) return error;
  const original = (error as { original?: unknown } | undefined)?.original;
  return original instanceof ReplayRefusedError ? original : undefined;
}
