import { webApi } from '@slack/bolt';
import type { Logger } from '../../log/logger.ts';
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

/** One Web API request that takes longer than this is abandoned (and retried per the policy). */
export const SLACK_REQUEST_TIMEOUT_MS = 10_000;

export interface SlackWebClientOptions {
  readonly token: string;
  /** `SLACK_API_URL`, with or without its trailing slash. */
  readonly apiUrl: string;
  readonly log?: Logger;
  /** Tests pass a fast policy; production keeps `SLACK_RETRY_POLICY`. */
  readonly retryConfig?: RetryOptions;
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
    retryConfig: options.retryConfig ?? SLACK_RETRY_POLICY,
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
