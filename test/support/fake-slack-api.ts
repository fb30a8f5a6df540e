import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One Web API call as the fake received it: method name and decoded arguments. */
export interface SlackApiCall {
  readonly method: string;
  readonly args: Record<string, unknown>;
  /** The bearer token sent, if any. */
  readonly token: string | undefined;
  /** `Date.now()` when it arrived, for pacing checks. */
  readonly at: number;
}

/** A POST to a `response_url` the fake handed out. */
export interface ResponseUrlPost {
  readonly path: string;
  readonly body: Record<string, unknown>;
  readonly at: number;
}

export interface FileUpload {
  readonly fileId: string;
  readonly filename: string;
  readonly bytes: Buffer;
}

/** How to fail the next call(s) of a method. */
export type SlackFailure =
  /** A platform error: HTTP 200 with `{ ok: false, error }`. */
  | { readonly error: string }
  /** An HTTP failure, such as 429 with `Retry-After` or a 503. */
  | { readonly status: number; readonly retryAfterSeconds?: number; readonly body?: string };

export interface FakeSlackUser {
  readonly is_admin?: boolean;
  readonly is_owner?: boolean;
  readonly deleted?: boolean;
}

/**
 * A Slack Web API on 127.0.0.1 for the real `@slack/web-api` client (`slackApiUrl: apiUrl`). It
 * answers the methods briefbot uses (auth.test, chat.postMessage/update/delete, users.info,
 * files.getUploadURLExternal + upload + files.completeUploadExternal, apps.connections.open),
 * records every call, serves `response_url`s, and fails calls on demand.
 */
export interface FakeSlackApi {
  /** `http://127.0.0.1:PORT` */
  readonly baseUrl: string;
  /** `http://127.0.0.1:PORT/api/`, what `SLACK_API_URL` should be. */
  readonly apiUrl: string;
  readonly calls: SlackApiCall[];
  readonly responseUrlPosts: ResponseUrlPost[];
  readonly uploads: FileUpload[];
  callsTo(method: string): SlackApiCall[];
  /** Fails the next `times` calls of `method` (default once), then answers normally again. */
  failNext(method: string, failure: SlackFailure, times?: number): void;
  setUser(id: string, user: FakeSlackUser): void;
  /** A fresh `response_url` served by this fake. */
  responseUrl(): string;
  /** The URL `apps.connections.open` returns (the fake Socket Mode server). */
  setSocketModeUrl(url: string): void;
  /** Adds latency to every call of a method, to model a slow Slack. */
  delay(method: string, ms: number): void;
  /** Resolves once `predicate` holds (checked after every request), or rejects after `timeoutMs`. */
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  /** Messages chat.postMessage accepted (not the calls it refused), oldest first. */
  readonly posted: PostedMessage[];
  /** chat.postMessage calls refused with a 429 by the per-channel rate limit. */
  readonly rateLimited: () => number;
  close(): Promise<void>;
}

/** A message the fake accepted, as conversations.history returns it. */
export interface PostedMessage {
  readonly channel: string;
  readonly ts: string;
  readonly text: string;
  readonly bot_id: string;
  readonly user: string;
}

const JSON_ARGS = new Set(['blocks', 'attachments', 'files', 'metadata']);
const BOT = { user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T0001', team: 'Rates Desk', user: 'briefbot' };

export interface FakeSlackApiOptions {
  /** The bot token every method but apps.connections.open must carry; any token when absent. */
  readonly token?: string;
  /** The app-level token apps.connections.open must carry; any token when absent. */
  readonly appToken?: string;
  /**
   * Enforce Slack's one message per second per channel: a chat.postMessage sooner than this after
   * the channel's last accepted one gets HTTP 429 with `Retry-After: 1`.
   */
  readonly channelIntervalMs?: number;
  /**
   * Milliseconds since the epoch that message timestamps (`ts`) are made from, for tests whose clock
   * is pinned; by default every `ts` has the same fixed seconds, so values are stable.
   */
  readonly clock?: () => number;
}

export async function startFakeSlackApi(options: FakeSlackApiOptions = {}): Promise<FakeSlackApi> {
  const calls: SlackApiCall[] = [];
  const responseUrlPosts: ResponseUrlPost[] = [];
  const uploads: FileUpload[] = [];
  const posted: PostedMessage[] = [];
  const lastPostAt = new Map<string, number>();
  let rateLimited = 0;
  const failures = new Map<string, SlackFailure[]>();
  const delays = new Map<string, number>();
  const users = new Map<string, FakeSlackUser>();
  const pendingUploads = new Map<string, string>();
  const changed = new EventEmitter();
  changed.setMaxListeners(0);
  let socketModeUrl = '';
  let sequence = 0;
  let baseUrl = '';

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readAll(req);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    try {
      if (path.startsWith('/response/')) {
        responseUrlPosts.push({ path, body: parseBody(req, body), at: Date.now() });
        return sendJson(res, 200, { ok: true });
      }
      if (path.startsWith('/upload/')) {
        const fileId = path.slice('/upload/'.length);
        const form = await new Response(body, {
          headers: { 'content-type': req.headers['content-type'] ?? '' },
        }).formData();
        const part = [...form.values()][0];
        const bytes =
          part instanceof Blob ? Buffer.from(await part.arrayBuffer()) : Buffer.from(String(part));
        uploads.push({ fileId, filename: pendingUploads.get(fileId) ?? '', bytes });
        res.writeHead(200, { 'content-type': 'text/plain' });
        return void res.end(`OK - ${bytes.length}`);
      }
      if (!path.startsWith('/api/')) return sendJson(res, 404, { ok: false, error: 'unknown_path' });
      const method = path.slice('/api/'.length);
      const authorization = req.headers.authorization;
      const token = authorization?.startsWith('Bearer ') ? authorization.slice(7) : undefined;
      const args = req.method === 'POST' ? await parseArgs(req, body) : {};
      calls.push({ method, args, token, at: Date.now() });
      const wait = delays.get(method);
      if (wait) await new Promise((resolve) => setTimeout(resolve, wait));
      const failure = failures.get(method)?.shift();
      if (failure) return sendFailure(res, failure);
      const expected = method === 'apps.connections.open' ? options.appToken : options.token;
      if (expected !== undefined && token !== expected) {
        return sendJson(res, 200, { ok: false, error: 'invalid_auth' });
      }
      if (method === 'chat.postMessage' && options.channelIntervalMs !== undefined) {
        const channel = String(args.channel ?? '');
        const last = lastPostAt.get(channel);
        if (last !== undefined && Date.now() - last < options.channelIntervalMs) {
          rateLimited += 1;
          return sendFailure(res, { status: 429, retryAfterSeconds: 1 });
        }
        lastPostAt.set(channel, Date.now());
      }
      return sendJson(res, 200, answer(method, args));
    } finally {
      changed.emit('request');
    }
  }

  function answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    sequence += 1;
    const seconds = options.clock ? Math.floor(options.clock() / 1_000) : 1768900000;
    const ts = `${seconds}.${String(sequence).padStart(6, '0')}`;
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://rates-desk.slack.com/', ...BOT };
      case 'chat.postMessage':
        posted.push({
          channel: String(args.channel),
          ts,
          text: String(args.text ?? ''),
          bot_id: BOT.bot_id,
          user: BOT.user_id,
        });
        return { ok: true, channel: args.channel, ts, message: { ts, text: args.text } };
      case 'chat.postEphemeral':
        return { ok: true, channel: args.channel, ts, message: { ts, text: args.text } };
      case 'conversations.history': {
        // Newest first, from `oldest` on, in pages of `limit` (100 by default) with an opaque
        // cursor, like Slack.
        const oldest = Number(args.oldest ?? 0);
        const all = posted
          .filter((m) => m.channel === args.channel && Number(m.ts) >= oldest)
          .map(({ channel: _channel, ...message }) => ({ type: 'message', ...message }))
          .reverse();
        const limit = Number(args.limit ?? 100);
        const start = args.cursor
          ? Number(Buffer.from(String(args.cursor), 'base64').toString().slice('next:'.length))
          : 0;
        const messages = all.slice(start, start + limit);
        const hasMore = start + limit < all.length;
        return {
          ok: true,
          messages,
          has_more: hasMore,
          response_metadata: {
            next_cursor: hasMore ? Buffer.from(`next:${start + limit}`).toString('base64') : '',
          },
        };
      }
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: args.ts, text: args.text };
      case 'chat.delete':
        return { ok: true, channel: args.channel, ts: args.ts };
      case 'users.info': {
        const id = String(args.user ?? '');
        const user = users.get(id);
        if (!user) return { ok: false, error: 'user_not_found' };
        return { ok: true, user: { id, team_id: BOT.team_id, is_admin: false, is_owner: false, ...user } };
      }
      case 'files.getUploadURLExternal': {
        const fileId = `F${String(sequence).padStart(8, '0')}`;
        pendingUploads.set(fileId, String(args.filename ?? ''));
        return { ok: true, upload_url: `${baseUrl}/upload/${fileId}`, file_id: fileId };
      }
      case 'files.completeUploadExternal': {
        const files = Array.isArray(args.files) ? (args.files as { id?: string; title?: string }[]) : [];
        return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title ?? '' })) };
      }
      case 'views.open':
        return {
          ok: true,
          view: { id: 'V0FORM', ...(typeof args.view === 'string' ? JSON.parse(args.view) : args.view) },
        };
      case 'apps.connections.open':
        return socketModeUrl ? { ok: true, url: socketModeUrl } : { ok: false, error: 'invalid_auth' };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let responseCount = 0;

  return {
    baseUrl,
    apiUrl: `${baseUrl}/api/`,
    calls,
    responseUrlPosts,
    uploads,
    posted,
    rateLimited: () => rateLimited,
    callsTo: (method) => calls.filter((c) => c.method === method),
    failNext(method, failure, times = 1) {
      failures.set(method, [
        ...(failures.get(method) ?? []),
        ...Array.from({ length: times }, () => failure),
      ]);
    },
    setUser: (id, user) => void users.set(id, user),
    responseUrl() {
      responseCount += 1;
      return `${baseUrl}/response/T0001/${responseCount}/${Math.random().toString(36).slice(2)}`;
    },
    setSocketModeUrl(url) {
      socketModeUrl = url;
    },
    delay: (method, ms) => void delays.set(method, ms),
    waitFor(predicate, timeoutMs = 5_000) {
      if (predicate()) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!predicate()) return;
          cleanup();
          resolve();
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`fake Slack: condition not met within ${timeoutMs} ms`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          changed.off('request', check);
        };
        changed.on('request', check);
      });
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseBody(req: IncomingMessage, body: Buffer): Record<string, unknown> {
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/json')) return JSON.parse(body.toString('utf8')) as Record<string, unknown>;
  return Object.fromEntries(new URLSearchParams(body.toString('utf8')));
}

/** WebClient sends form fields, JSON-encoding structured ones (blocks, files); multipart for binaries. */
async function parseArgs(req: IncomingMessage, body: Buffer): Promise<Record<string, unknown>> {
  const type = req.headers['content-type'] ?? '';
  let raw: Record<string, unknown>;
  if (type.includes('multipart/form-data')) {
    const form = await new Response(body, { headers: { 'content-type': type } }).formData();
    raw = Object.fromEntries(
      [...form.entries()].map(([k, v]) => [k, typeof v === 'string' ? v : '[binary]']),
    );
  } else {
    raw = parseBody(req, body);
  }
  return Object.fromEntries(
    Object.entries(raw).map(([key, value]) => [
      key,
      JSON_ARGS.has(key) && typeof value === 'string' ? JSON.parse(value) : value,
    ]),
  );
}

function sendJson(res: ServerResponse, status: number, payload: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(payload));
}

function sendFailure(res: ServerResponse, failure: SlackFailure): void {
  if ('error' in failure) {
    sendJson(res, 200, { ok: false, error: failure.error });
    return;
  }
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (failure.retryAfterSeconds !== undefined) headers['retry-after'] = String(failure.retryAfterSeconds);
  res.writeHead(failure.status, headers);
  res.end(
    failure.body ??
      JSON.stringify({ ok: false, error: failure.status === 429 ? 'ratelimited' : 'fatal_error' }),
  );
}
