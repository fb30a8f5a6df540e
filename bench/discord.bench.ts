import { Agent, request } from 'node:http';
import { REST } from 'discord.js';
import { createBriefbot } from '../src/app.ts';
import { loadConfig } from '../src/config/config.ts';
import { createHttpServer, type HttpServer, type RouteHandler, readBody } from '../src/http/http-server.ts';
import { createLogger } from '../src/log/logger.ts';
import {
  createDiscordInteractionsRoute,
  DISCORD_INTERACTIONS_PATH,
} from '../src/transports/discord/discord-interactions-route.ts';
import { createBotInteractionHandler } from '../src/transports/discord/discord-service.ts';
import { createDiscordSignatureVerifier } from '../src/transports/discord/discord-signature.ts';
import { commandInteraction } from '../test/support/fake-discord-interactions.ts';
import { discordKeyPair, signedHeaders } from '../test/support/fake-discord-signing.ts';
import { startFakeMarket } from '../test/support/fake-market.ts';
import { constantYield } from './constant-yield.ts';
import { interleaved, type LatencySummary, round, summarise } from './stats.ts';
import { type JudgedResult, meets } from './trials.ts';

/** Requests per side, in blocks of `BLOCK` taken in turn with the other sides. */
const REQUESTS = 18_000;
const BLOCK = 20;
/**
 * Enough for V8 to optimise every function on the path (a few hundred calls leave briefbot's longer
 * path still partly unoptimised, while the bare baseline's few functions are already optimised): a
 * server answers for days, so the comparison is between steady states.
 */
const WARMUP_REQUESTS = 3_000;
/** Target from issue 5: p99 interaction-to-callback within 1.25× of a bare verifying endpoint. */
const MAX_P99_RATIO = 1.25;

export interface DiscordBenchResult extends JudgedResult {
  readonly briefbot: LatencySummary;
  readonly bare: LatencySummary;
  /** The same route serving a constant /yield: what the Discord transport adds on its own. */
  readonly transportOnly: LatencySummary;
  readonly p99Ratio: number;
  /**
   * A second bare endpoint against the first: two identical endpoints, so any gap is the
   * measurement's own noise in this run.
   */
  readonly controlP99Ratio: number;
}

/**
 * Signed `/yield 40y` interactions over `POST /discord/interactions` with a warm cache, one at a
 * time, until the callback (the HTTP answer) arrives; against a bare endpoint on the same HTTP
 * server that verifies the same signature and answers a constant. The sides take turns in short
 * blocks (see `interleaved`), and each side's percentiles are over all its requests.
 */
export async function benchDiscordInteractions(): Promise<DiscordBenchResult> {
  const log = createLogger('silent');
  const market = await startFakeMarket();
  const keys = discordKeyPair();
  const config = loadConfig({ ...market.env, DISCORD_PUBLIC_KEY: keys.publicKeyHex });
  const bot = createBriefbot(config, {
    log,
    defaultMetrics: false,
    now: () => new Date('2026-05-01T00:00:00Z'),
  });
  const webhookRest = new REST({ api: 'http://127.0.0.1:9' });
  const verify = createDiscordSignatureVerifier(keys.publicKeyHex);
  const handler = createBotInteractionHandler(bot, { rest: webhookRest, poster: () => undefined });
  const constantHandler = createBotInteractionHandler(
    { ...bot, commands: [constantYield([{ name: 'tenor', description: 'tenor', required: true }])] },
    { rest: webhookRest, poster: () => undefined },
  );
  const servers = {
    briefbot: await serve(log, createDiscordInteractionsRoute({ verify, handler, log })),
    transportOnly: await serve(
      log,
      createDiscordInteractionsRoute({ verify, handler: constantHandler, log }),
    ),
    bare: await serve(log, bareEndpoint(verify)),
    bareControl: await serve(log, bareEndpoint(verify)),
  };
  const sides = Object.keys(servers) as (keyof typeof servers)[];
  const body = JSON.stringify(commandInteraction('yield', [{ name: 'tenor', value: '40y' }]));
  const headers = signedHeaders(body, keys.privateKey);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    for (const { url } of Object.values(servers)) await run(agent, url, body, headers, WARMUP_REQUESTS);
    const blocks = await interleaved(sides, REQUESTS / BLOCK, (side) =>
      run(agent, servers[side].url, body, headers, BLOCK),
    );
    const briefbot = summarise(blocks.briefbot.flat());
    const bare = summarise(blocks.bare.flat());
    const transportOnly = summarise(blocks.transportOnly.flat());
    const p99Ratio = round(briefbot.p99Ms / bare.p99Ms, 3);
    const controlP99Ratio = round(summarise(blocks.bareControl.flat()).p99Ms / bare.p99Ms, 3);
    const judged = { value: p99Ratio, atMost: MAX_P99_RATIO };
    return {
      briefbot,
      bare,
      transportOnly,
      p99Ratio,
      controlP99Ratio,
      summary: `p50 ${briefbot.p50Ms.toFixed(3)} ms, p99 ${briefbot.p99Ms.toFixed(3)} ms (bare p50 ${bare.p50Ms.toFixed(3)}, p99 ${bare.p99Ms.toFixed(3)}; ${p99Ratio}×; a second bare endpoint ${controlP99Ratio}×; transport alone p50 ${transportOnly.p50Ms.toFixed(3)})`,
      target: `p99 ≤${MAX_P99_RATIO}× a bare endpoint that verifies and answers a constant`,
      judged: { 'p99 ratio': judged },
      pass: meets(judged),
    };
  } finally {
    agent.destroy();
    for (const { http } of Object.values(servers)) await http.close();
    webhookRest.clearHashSweeper();
    webhookRest.clearHandlerSweeper();
    await market.close();
  }
}

/** The baseline: read the body, check the Ed25519 signature, answer a constant message. */
function bareEndpoint(verify: ReturnType<typeof createDiscordSignatureVerifier>): RouteHandler {
  const answer = JSON.stringify({
    type: 4,
    data: { embeds: [{ title: 'JGB 40Y 3.743%' }], allowed_mentions: { parse: [] } },
  });
  return async (req, res) => {
    const body = await readBody(req);
    const signature = req.headers['x-signature-ed25519'];
    const timestamp = req.headers['x-signature-timestamp'];
    if (
      typeof signature !== 'string' ||
      typeof timestamp !== 'string' ||
      !verify(signature, timestamp, body)
    ) {
      res.writeHead(401).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(answer) });
    res.end(answer);
  };
}

async function serve(log: ReturnType<typeof createLogger>, handler: RouteHandler) {
  const http: HttpServer = createHttpServer(log);
  http.route('POST', DISCORD_INTERACTIONS_PATH, handler);
  const { port } = await http.listen(0, '127.0.0.1');
  return { http, url: `http://127.0.0.1:${port}${DISCORD_INTERACTIONS_PATH}` };
}

/** `total` requests one after another; each sample is request start to the full answer read. */
async function run(
  agent: Agent,
  url: string,
  body: string,
  headers: Record<string, string>,
  total: number,
): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < total; i += 1) {
    const started = performance.now();
    const { status, text } = await post(agent, url, body, headers);
    samples.push(performance.now() - started);
    if (status !== 200 || !text.startsWith('{"type":4'))
      throw new Error(`unexpected answer ${status}: ${text}`);
  }
  return samples;
}

function post(agent: Agent, url: string, body: string, headers: Record<string, string>) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(`${JSON.stringify(await benchDiscordInteractions(), null, 2)}\n`);
}
