import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake received, with its JSON (or `payload_json`) and uploaded files decoded. */
export interface DiscordRequest {
  readonly method: string;
  /** Path without the query string, from `/api/v10/…`. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingMessage['headers'];
  readonly json: unknown;
  readonly files: readonly { field: string; filename: string; contentType: string; bytes: Buffer }[];
  readonly at: number;
}

export interface FakeDiscordReply {
  readonly status?: number;
  readonly headers?: Record<string, string>;
  readonly json?: unknown;
}

type Handler = (
  request: DiscordRequest,
  match: RegExpExecArray,
) => FakeDiscordReply | Promise<FakeDiscordReply>;

/**
 * A fake of Discord's REST API on 127.0.0.1, enough for a real discord.js client: gateway discovery,
 * the bot's own user, channel messages (posted, and listed back newest first), interaction callbacks, webhook edits and follow-ups, and command registration.
 * Paths are matched after `/api/v10`; tests can put their own answers in front with `handle`/`once`.
 */
export interface FakeDiscordRest {
  /** What `DISCORD_API_URL` (the REST `api` option) should be. */
  readonly apiUrl: string;
  readonly requests: DiscordRequest[];
  setGatewayUrl(url: string): void;
  handle(method: string, pattern: RegExp, handler: Handler | FakeDiscordReply): void;
  /** Answers the next matching request only. */
  once(method: string, pattern: RegExp, handler: Handler | FakeDiscordReply): void;
  matching(method: string, pattern: RegExp): DiscordRequest[];
  /** Resolves with the `count`-th matching request (the first by default). */
  waitFor(method: string, pattern: RegExp, count?: number, timeoutMs?: number): Promise<DiscordRequest>;
  close(): Promise<void>;
}

interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  readonly handler: Handler;
  once: boolean;
  used: boolean;
}

export const FAKE_APPLICATION_ID = '100000000000000001';
export const FAKE_BOT_USER_ID = '100000000000000002';

/** Discord's epoch: snowflake ids count milliseconds from the start of 2015. */
const DISCORD_EPOCH_MS = 1_420_070_400_000n;

export async function startFakeDiscordRest(
  options: { readonly now?: () => number } = {},
): Promise<FakeDiscordRest> {
  const now = options.now ?? Date.now;
  const requests: DiscordRequest[] = [];
  /** Messages posted to each channel, oldest first, as `GET /channels/{id}/messages` lists them. */
  const channels = new Map<string, object[]>();
  const overrides: Route[] = [];
  const waiters: { method: string; pattern: RegExp; count: number; resolve: (r: DiscordRequest) => void }[] =
    [];
  const matching = (method: string, pattern: RegExp) =>
    requests.filter((r) => r.method === method && pattern.test(r.path));
  let gatewayUrl = 'ws://127.0.0.1:1';
  // Ids are real snowflakes (creation time in the high bits), so `after` works as on Discord.
  let lastId = 0n;
  const snowflake = () => {
    const atNow = (BigInt(Math.floor(now())) - DISCORD_EPOCH_MS) << 22n;
    lastId = atNow > lastId ? atNow : lastId + 1n;
    return String(lastId);
  };

  const defaults: Route[] = [
    route('GET', /^\/gateway\/bot$/, () => ({
      json: {
        url: gatewayUrl,
        shards: 1,
        session_start_limit: { total: 1_000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 },
      },
    })),
    route('GET', /^\/applications\/@me$/, () => ({ json: { id: FAKE_APPLICATION_ID, name: 'briefbot' } })),
    route('GET', /^\/users\/@me$/, () => ({
      json: { id: FAKE_BOT_USER_ID, username: 'briefbot', discriminator: '0', avatar: null, bot: true },
    })),
    route('POST', /^\/channels\/(\d+)\/messages$/, (req, m) => {
      const posted = message(snowflake(), m[1] ?? '', req);
      getOrAdd(channels, m[1] ?? '').push(posted);
      return { json: posted };
    }),
    route('GET', /^\/channels\/(\d+)\/messages$/, (req, m) => {
      // Newest first, like Discord: the `limit` messages right after `after`, or the latest ones.
      const after = BigInt(req.query.get('after') ?? '0');
      const limit = Number(req.query.get('limit') ?? '50');
      const newer = (channels.get(m[1] ?? '') ?? []).filter((p) => BigInt(idOf(p)) > after);
      return { json: (req.query.has('after') ? newer.slice(0, limit) : newer.slice(-limit)).reverse() };
    }),
    route('POST', /^\/interactions\/(\d+)\/([^/]+)\/callback$/, () => ({ status: 204 })),
    route('PATCH', /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/, (req) => ({
      json: message(snowflake(), '0', req),
    })),
    route('DELETE', /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/, () => ({ status: 204 })),
    route('POST', /^\/webhooks\/(\d+)\/([^/]+)$/, (req) => ({ json: message(snowflake(), '0', req) })),
    route('PUT', /^\/applications\/(\d+)(?:\/guilds\/\d+)?\/commands$/, (req, m) => ({
      json: (Array.isArray(req.json) ? req.json : []).map((command: object) => ({
        ...command,
        id: snowflake(),
        application_id: m[1],
        version: snowflake(),
      })),
    })),
  ];

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => void answer(req, Buffer.concat(chunks), res));
  });

  async function answer(req: IncomingMessage, raw: Buffer, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v\d+/, '');
    const request: DiscordRequest = {
      method: req.method ?? 'GET',
      path,
      query: url.searchParams,
      headers: req.headers,
      ...(await decode(req, raw)),
      at: performance.now(),
    };
    requests.push(request);
    for (const waiter of [...waiters]) {
      if (matching(waiter.method, waiter.pattern).length >= waiter.count) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(request);
      }
    }
    const candidates = [...overrides.filter((r) => !(r.once && r.used)), ...defaults];
    for (const candidate of candidates) {
      const match = candidate.method === request.method ? candidate.pattern.exec(path) : null;
      if (!match) continue;
      candidate.used = true;
      const reply = await candidate.handler(request, match);
      const headers = {
        ...(reply.json === undefined ? {} : { 'content-type': 'application/json' }),
        ...reply.headers,
      };
      res.writeHead(reply.status ?? 200, headers);
      res.end(reply.json === undefined ? '' : JSON.stringify(reply.json));
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ message: '404: Not Found', code: 0 }));
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    apiUrl: `http://127.0.0.1:${port}/api`,
    requests,
    setGatewayUrl(url) {
      gatewayUrl = url;
    },
    handle(method, pattern, handler) {
      overrides.unshift({ ...route(method, pattern, handler), once: false });
    },
    once(method, pattern, handler) {
      overrides.unshift({ ...route(method, pattern, handler), once: true });
    },
    matching,
    waitFor(method, pattern, count = 1, timeoutMs = 5_000) {
      const seen = matching(method, pattern)[count - 1];
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no ${method} ${pattern} within ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push({
          method,
          pattern,
          count,
          resolve: (r) => {
            clearTimeout(timer);
            resolve(r);
          },
        });
      });
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function getOrAdd(channels: Map<string, object[]>, channelId: string): object[] {
  let list = channels.get(channelId);
  if (list === undefined) {
    list = [];
    channels.set(channelId, list);
  }
  return list;
}

function idOf(posted: object): string {
  return (posted as { id: string }).id;
}

function route(method: string, pattern: RegExp, handler: Handler | FakeDiscordReply): Route {
  return {
    method,
    pattern,
    handler: typeof handler === 'function' ? handler : () => handler,
    once: false,
    used: false,
  };
}

function message(id: string, channelId: string, request: DiscordRequest): object {
  const body = (request.json ?? {}) as Record<string, unknown>;
  return {
    id,
    channel_id: channelId,
    type: 0,
    content: body.content ?? '',
    embeds: body.embeds ?? [],
    attachments: request.files.map((f, i) => ({ id: String(i), filename: f.filename, size: f.bytes.length })),
    author: { id: FAKE_BOT_USER_ID, username: 'briefbot', discriminator: '0', avatar: null, bot: true },
    timestamp: new Date(0).toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    pinned: false,
    flags: body.flags ?? 0,
  };
}

/** JSON bodies as they are; multipart bodies (uploads) as `payload_json` plus the files. */
async function decode(req: IncomingMessage, raw: Buffer): Promise<Pick<DiscordRequest, 'json' | 'files'>> {
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
    const files: { field: string; filename: string; contentType: string; bytes: Buffer }[] = [];
    let json: unknown;
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') json = JSON.parse(value);
      } else {
        files.push({
          field,
          filename: value.name,
          contentType: value.type,
          bytes: Buffer.from(await value.arrayBuffer()),
        });
      }
    }
    return { json, files };
  }
  const text = raw.toString('utf8');
  return { json: text === '' ? undefined : (JSON.parse(text) as unknown), files: [] };
}
