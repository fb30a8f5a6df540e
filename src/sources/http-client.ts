import axios, { type AxiosInstance, isAxiosError } from 'axios';
import { SourceError } from '../errors.ts';

export type ExpectedBody = 'csv' | 'json' | 'xml';

export interface HttpClientOptions {
  readonly timeoutMs: number;
  /** Extra attempts after the first, for 429 and 5xx only. */
  readonly retries: number;
  readonly backoffBaseMs: number;
  /** A `Retry-After` longer than this is not waited for: the request fails and the caller falls back. */
  readonly maxRetryAfterMs: number;
  readonly userAgent: string;
}

export const HTTP_DEFAULTS = {
  timeoutMs: 8_000,
  retries: 2,
  backoffBaseMs: 300,
  maxRetryAfterMs: 10_000,
  // Yahoo and some CDNs refuse obvious scripts; a browser-like agent is what their own pages send.
  userAgent:
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36 briefbot',
} as const satisfies HttpClientOptions;

export interface GetOptions {
  /** The source id, for errors and logs. */
  readonly source: string;
  readonly expect: ExpectedBody;
  readonly headers?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal;
}

/** The one HTTP client every source shares: timeouts, retries with backoff, and body-kind checks. */
export interface HttpClient {
  getBytes(url: string, options: GetOptions): Promise<Buffer>;
  getJson(url: string, options: Omit<GetOptions, 'expect'>): Promise<unknown>;
  /** Requests made so far, counted per host; used by tests and benchmarks to prove single flight. */
  readonly requestCount: () => number;
}

export function createHttpClient(options: Partial<HttpClientOptions> = {}): HttpClient {
  const settings: HttpClientOptions = { ...HTTP_DEFAULTS, ...options };
  const instance: AxiosInstance = axios.create({
    timeout: settings.timeoutMs,
    responseType: 'arraybuffer',
    // Status handling is ours: a 404 from Yahoo carries a JSON error body worth reading.
    validateStatus: () => true,
    maxRedirects: 3,
    headers: { 'User-Agent': settings.userAgent, 'Accept-Encoding': 'gzip, deflate' },
  });
  let requests = 0;

  async function getBytes(url: string, get: GetOptions): Promise<Buffer> {
    for (let attempt = 1; ; attempt += 1) {
      requests += 1;
      let status: number;
      let body: Buffer;
      let retryAfter: string | undefined;
      try {
        const response = await instance.get<ArrayBuffer>(url, {
          headers: { Accept: ACCEPT[get.expect], ...get.headers },
          ...(get.signal ? { signal: get.signal } : {}),
        });
        status = response.status;
        body = Buffer.from(response.data);
        const header = response.headers['retry-after'];
        retryAfter = typeof header === 'string' ? header : undefined;
      } catch (error) {
        throw transportError(error, url, get.source, attempt);
      }
      const retryable = status === 429 || status >= 500;
      if (retryable && attempt <= settings.retries) {
        const waitMs = retryDelayMs(retryAfter, attempt, settings);
        if (waitMs !== undefined) {
          await sleep(waitMs);
          continue;
        }
      }
      if (status < 200 || status >= 300) {
        throw new SourceError('HTTP_STATUS', `${get.source} answered HTTP ${status}`, {
          source: get.source,
          url,
          status,
          attempts: attempt,
        });
      }
      checkBodyKind(body, get.expect, get.source, url);
      return body;
    }
  }

  async function getJson(url: string, get: Omit<GetOptions, 'expect'>): Promise<unknown> {
    const bytes = await getBytes(url, { ...get, expect: 'json' });
    try {
      return JSON.parse(bytes.toString('utf8')) as unknown;
    } catch (error) {
      throw new SourceError(
        'BAD_PAYLOAD',
        `${get.source} sent JSON that does not parse`,
        { source: get.source, url },
        { cause: error },
      );
    }
  }

  return { getBytes, getJson, requestCount: () => requests };
}

const ACCEPT: Readonly<Record<ExpectedBody, string>> = {
  csv: 'text/csv, text/plain;q=0.9, */*;q=0.5',
  json: 'application/json',
  xml: 'application/rss+xml, application/atom+xml, application/xml, text/xml;q=0.9, */*;q=0.5',
};

/**
 * A body of the wrong kind is a failure, not data: Stooq and some CDNs answer 200 with an HTML
 * challenge page where CSV or JSON was asked for.
 */
export function checkBodyKind(body: Buffer, expect: ExpectedBody, source: string, url: string): void {
  const head = body
    .subarray(0, 512)
    .toString('latin1')
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trimStart();
  if (head.length === 0) {
    throw new SourceError('EMPTY_BODY', `${source} sent an empty body`, { source, url });
  }
  const looksLikeMarkup = head.startsWith('<');
  const looksLikeHtml = /^<(!doctype html|html|head|body|noscript|script)\b/i.test(head);
  const wrong = expect === 'xml' ? looksLikeHtml : looksLikeMarkup;
  if (wrong) {
    throw new SourceError(
      'WRONG_CONTENT',
      `${source} sent a page (${describe(head)}) where ${expect.toUpperCase()} was expected`,
      {
        source,
        url,
      },
    );
  }
}

function describe(head: string): string {
  return head.slice(0, 40).replace(/\s+/g, ' ');
}

/** Milliseconds to wait before the next attempt, or undefined when the server asks for too long. */
export function retryDelayMs(
  retryAfter: string | undefined,
  attempt: number,
  settings: HttpClientOptions,
): number | undefined {
  if (retryAfter !== undefined) {
    const seconds = Number(retryAfter);
    const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(retryAfter) - Date.now();
    if (Number.isFinite(ms)) return ms > settings.maxRetryAfterMs ? undefined : Math.max(0, ms);
  }
  const exponential = settings.backoffBaseMs * 2 ** (attempt - 1);
  return exponential / 2 + Math.random() * (exponential / 2);
}

function transportError(error: unknown, url: string, source: string, attempts: number): SourceError {
  const context = { source, url, attempts };
  if (isAxiosError(error) && (error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT')) {
    return new SourceError('TIMEOUT', `${source} did not answer in time`, context, { cause: error });
  }
  const code = isAxiosError(error) && error.code ? ` (${error.code})` : '';
  return new SourceError('NETWORK', `${source} could not be reached${code}`, context, { cause: error });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
