import { webApi } from '@slack/bolt';
import { DeliveryError } from '../../delivery/channel-poster.ts';

/**
 * Slack error codes that retrying cannot fix: the channel is gone or closed to us, the token is
 * dead or lacks a scope, or the payload itself is refused. Anything else (ratelimited, 5xx,
 * `internal_error`, a dropped connection) is treated as transient.
 */
const PERMANENT_CODES = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'account_inactive',
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'token_expired',
  'missing_scope',
  'no_permission',
  'restricted_action',
  'restricted_action_read_only_channel',
  'restricted_action_thread_only_channel',
  'restricted_action_non_threadable_channel',
  'team_access_not_granted',
  'org_login_required',
  'ekm_access_denied',
  'access_denied',
  'cannot_reply_to_message',
  'invalid_blocks',
  'invalid_blocks_format',
  'msg_too_long',
  'msg_blocks_too_long',
  'no_text',
  'too_many_attachments',
  'invalid_arguments',
  'invalid_arg_name',
  'invalid_form_data',
  'not_allowed_token_type',
  'method_deprecated',
]);

/**
 * WebClient gives up on a call still rate limited after its last retry by rethrowing a plain
 * Error ("A rate limit was exceeded (url: …, retry-after: N)"); recognise it by its wording.
 */
const EXHAUSTED_429 = /rate limit was exceeded.*retry-after: (\d+)/i;

/** A 429 that WebClient waited out and is about to retry (or, after its last retry, gives up on). */
export function isRateLimitRetry(error: unknown): boolean {
  return error instanceof Error && EXHAUSTED_429.test(error.message);
}

export function isPermanentSlackCode(code: string): boolean {
  return PERMANENT_CODES.has(code);
}

/** The Slack error code of a failed Web API call (`channel_not_found`, `ratelimited`, `http_503`). */
export function slackErrorCode(error: unknown): string | undefined {
  if (isRateLimitRetry(error)) return 'ratelimited';
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  // Compared by code, not instanceof, so a second copy of @slack/web-api in the tree still matches.
  switch (error.code) {
    case webApi.ErrorCode.PlatformError: {
      const data = (error as { data?: { error?: unknown } }).data;
      return typeof data?.error === 'string' ? data.error : 'platform_error';
    }
    case webApi.ErrorCode.RateLimitedError:
      return 'ratelimited';
    case webApi.ErrorCode.HTTPError:
      return `http_${String((error as { statusCode?: unknown }).statusCode)}`;
    case webApi.ErrorCode.RequestError:
      return 'request_error';
    default:
      return undefined;
  }
}

/** Seconds from a 429 or a `ratelimited` platform error, as milliseconds. */
function retryAfterMs(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const exhausted = error instanceof Error ? EXHAUSTED_429.exec(error.message) : null;
  if (exhausted?.[1] !== undefined) return Number(exhausted[1]) * 1_000;
  const seconds =
    'retryAfter' in error && typeof error.retryAfter === 'number'
      ? error.retryAfter
      : (error as { data?: { response_metadata?: { retryAfter?: unknown } } }).data?.response_metadata
          ?.retryAfter;
  return typeof seconds === 'number' && Number.isFinite(seconds) ? seconds * 1_000 : undefined;
}

/** A Web API failure as a `DeliveryError` that says whether retrying can help. */
export function toDeliveryError(error: unknown, channelId: string): DeliveryError {
  const code = slackErrorCode(error) ?? 'unknown';
  const httpStatus = /^http_(\d+)$/.exec(code)?.[1];
  // 4xx other than 408/429 means the request itself is wrong; 5xx and everything else may pass.
  const permanent =
    isPermanentSlackCode(code) ||
    (httpStatus !== undefined && Number(httpStatus) < 500 && !['408', '429'].includes(httpStatus));
  const wait = retryAfterMs(error);
  return new DeliveryError(
    `Slack refused the message (${code})`,
    permanent,
    { platform: 'slack', channelId, code },
    { cause: error, ...(wait === undefined ? {} : { retryAfterMs: wait }) },
  );
}
