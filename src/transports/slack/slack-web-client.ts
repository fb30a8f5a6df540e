import { webApi } from '@slack/bolt';
import type { Logger } from '../../log/logger.ts';
import { isRateLimitRetry } from './slack-errors.ts';
import { slackLogger } from './slack-logger.ts';

export type WebClient = webApi.WebClient;
export type RetryOptions = webApi.RetryOptions;

/**
 * Retries for the Web API. WebClient waits out a 429's `Retry-After` itself before each retry (and
 * pauses its whole queue meanwhile); these bound how often it tries again after 429s, 5xx and
 * network errors. The SDK default (ten retries over about thirty minutes) would hold a
 * button press or a scheduled brief far longer than anyone waits.
 */
export const SLACK_RETRY_POLICY: RetryOptions = {
  retries: 4,
  factor: 2,
  minTimeout: 500,
  maxTimeout: 8_000,
  randomize: true,
};

/**
 * A retry policy for a client that posts messages: it retries only a 429, which Slack refused, so
 * nothing was posted. After a timeout, a dropped connection or a 5xx the message may have been
 * posted, and sending it again could post it twice: the failure goes back to the caller, which
 * decides (the scheduler looks in the channel before sending again; an alert or a button press does
 * not resend).
 */
export function onlyRateLimitRetries(policy: RetryOptions): RetryOptions {
  const onFailedAttempt = (error: Error) => {
    // Throwing here makes p-retry give up with this error instead of trying again.
    if (!isRateLimitRetry(error)) throw error;
  };
  return { ...policy, onFailedAttempt } as RetryOptions;
}

/** One Web API request that takes longer than this is abandoned (and retried per the policy). */
export const SLACK_REQUEST_TIMEOUT_MS = 10_000;

export interface SlackWebClientOptions {
  readonly token: string;
  /** `SLACK_API_URL`, with or without its trailing slash. */
  readonly apiUrl: string;
  readonly log?: Logger;
  /** Tests pass a fast policy; production keeps `SLACK_RETRY_POLICY`. */
  readonly retryConfig?: RetryOptions;
  /** A client that posts messages retries 429s only (see `onlyRateLimitRetries`). */
  readonly posts?: boolean;
  readonly timeoutMs?: number;
}

/** A Web API client pointed at `SLACK_API_URL` that honours `Retry-After` on 429s. */
export function createSlackWebClient(options: SlackWebClientOptions): WebClient {
  return new webApi.WebClient(options.token, slackClientOptions(options));
}

/** The same options for Bolt's own client (`App({ clientOptions })`), so both behave alike. */
export function slackClientOptions(options: Omit<SlackWebClientOptions, 'token'>): webApi.WebClientOptions {
  return {
    slackApiUrl: withTrailingSlash(options.apiUrl),
    retryConfig: options.posts
      ? onlyRateLimitRetries(options.retryConfig ?? SLACK_RETRY_POLICY)
      : (options.retryConfig ?? SLACK_RETRY_POLICY),
    // WebClient resolves method names against slackApiUrl only when this is false; an absolute
    // URL smuggled into a method name could otherwise send the token elsewhere.
    allowAbsoluteUrls: false,
    rejectRateLimitedCalls: false,
    timeout: options.timeoutMs ?? SLACK_REQUEST_TIMEOUT_MS,
    ...(options.log ? { logger: slackLogger(options.log, 'slack-web-api') } : {}),
  };
}

/** WebClient joins method names onto the base URL as is: `…/api` + `chat.postMessage` would break. */
function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
