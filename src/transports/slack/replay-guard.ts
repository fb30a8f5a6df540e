import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, type RouteHandler, readBody, respond } from '../../http/http-server.ts';
import type { Logger } from '../../log/logger.ts';

/** Slack's own window: Bolt refuses a request timestamp more than five minutes old. */
export const SIGNATURE_WINDOW_SECONDS = 300;
/** Beyond this many remembered signatures, expired ones are swept on the next check. */

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

export interface GuardedListenerOptions {
  readonly signingSecret: string;
  readonly guard: ReplayGuard;
  readonly log: Logger;
  readonly bodyLimitBytes?: number;
}

/**
 * Wraps Bolt's request listener: buffers the body (Bolt reuses `rawBody` when it is already a
 * Buffer), refuses replays of correctly signed requests, and hands everything else to Bolt, whose
 * own verification stays the authority for wrong secrets, stale timestamps and missing signatures.
 */
export function guardSlackRequests(
  listener: (request: IncomingMessage, response: ServerResponse) => void,
  options: GuardedListenerOptions,
): RouteHandler {
  return async (request, response) => {
    let body: Buffer;
    try {
      body = await readBody(request, options.bodyLimitBytes);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return respond(response, 413, 'request body too large');
      throw error;
    }
    Object.assign(request, { rawBody: body });
    const signature = header(request, 'x-slack-signature');
    const timestamp = Number(header(request, 'x-slack-request-timestamp'));
    if (signature !== undefined && isSignedBy(options.signingSecret, signature, timestamp, body)) {
      const verdict = options.guard.admit(signature, timestamp);
      if (verdict !== 'fresh') {
        options.log.warn({ verdict, timestamp }, 'refused a Slack request: replayed or dated in the future');
        response.writeHead(401);
        response.end();
        return;
      }
    }
    listener(request, response);
  };
}

/**
 * Slack's v0 scheme, the same check Bolt makes next. Only a correct signature is remembered, so
 * forged requests cannot fill the memory or block a genuine one.
 */
function isSignedBy(secret: string, signature: string, timestamp: number, body: Buffer): boolean {
  if (!Number.isInteger(timestamp)) return false;
  const expected = Buffer.from(
    `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:`).update(body).digest('hex')}`,
  );
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}
