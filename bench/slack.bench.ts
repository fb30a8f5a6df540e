import { Agent, request } from 'node:http';
import { App, HTTPReceiver, webApi } from '@slack/bolt';
import { createBriefbot } from '../src/app.ts';
import type { Command } from '../src/command/command.ts';
import { loadConfig } from '../src/config/config.ts';
import { createHttpServer, type HttpServer } from '../src/http/http-server.ts';
import { createLogger } from '../src/log/logger.ts';
import { createSlackApp, SLACK_EVENTS_PATH } from '../src/transports/slack/slack-app.ts';
import { slackLogger } from '../src/transports/slack/slack-logger.ts';
import { slackClientOptions } from '../src/transports/slack/slack-web-client.ts';
import { startFakeMarket } from '../test/support/fake-market.ts';
import { startFakeSlackApi } from '../test/support/fake-slack-api.ts';
import { slackSignature, slashCommandBody } from '../test/support/fake-slack-request.ts';
import { constantYield } from './constant-yield.ts';
import { interleaved, type LatencySummary, round, summarise } from './stats.ts';
import { type JudgedResult, meets } from './trials.ts';

const TOKEN = 'xoxb-bench';
const SECRET = 'bench-signing-secret';
/**
 * Requests per side at each concurrency, in blocks taken in turn with the other sides: short blocks
 * one at a time, and at 32 blocks long enough (about 28 requests per connection) that filling and
 * draining the 32 connections is a small part of each. Each total is a whole number of blocks.
 */
const REQUESTS = { 1: 18_000, 32: 27_000 } as const;
const BLOCK = { 1: 25, 32: 900 } as const;
/**
 * Enough for V8 to optimise every function on the path (a few hundred calls leave briefbot's longer
 * path still partly unoptimised, while the bare baseline's few functions are already optimised): a
 * server answers for days, so the comparison is between steady states.
 */
const WARMUP_REQUESTS = 3_000;
/** Targets from issue 4: our app against a bare Bolt app that acknowledges a constant. */
const MIN_THROUGHPUT_RATIO = 0.8;
const MAX_P99_RATIO = 1.25;

interface LoadFigures {
  readonly requestsPerSecond: number;
  readonly latency: LatencySummary;
}

export interface SlackBenchResult extends JudgedResult {
  readonly briefbot: Record<'c1' | 'c32', LoadFigures>;
  readonly bareBolt: Record<'c1' | 'c32', LoadFigures>;
  /** briefbot's transport answering a constant command, to split the gap. */
  readonly transportOnly: Record<'c1' | 'c32', LoadFigures>;
  readonly ratios: Record<'c1' | 'c32', { throughput: number; p99: number }>;
  readonly transportOnlyRatios: Record<'c1' | 'c32', { throughput: number; p99: number }>;
  /**
   * A second bare Bolt app against the first: two identical apps, so any gap is the measurement's
   * own noise in this run. A p99 ratio here far from 1 says the run cannot tell 1.25 from 1.
   */
  readonly controlRatios: Record<'c1' | 'c32', { throughput: number; p99: number }>;
}

/**
 * Signed `/yield 40y` over HTTP with a warm cache, against a bare Bolt app on the same HTTP server
 * that acknowledges a constant: what briefbot's command layer, role lookup, replay guard and Block
 * Kit rendering add to Bolt's own cost. Same client, same run, same machine; the sides take turns
 * in short blocks (see `interleaved`), so drift in the machine's load touches all alike, and each
 * figure is over all of a side's requests. A third app, briefbot's transport serving a constant command, shows
 * how the gap splits between the transport and the command itself.
 */
export async function benchSlackHttp(): Promise<SlackBenchResult> {
  const log = createLogger('silent');
  const market = await startFakeMarket();
  const slack = await startFakeSlackApi({ token: TOKEN });
  slack.setUser('U0TRADER', {});
  const config = loadConfig({ ...market.env, SLACK_API_URL: slack.apiUrl });
  // The day after the fixture's last date, as in commands.bench.ts: data as fresh as in production.
  const bot = createBriefbot(config, {
    log,
    defaultMetrics: false,
    now: () => new Date('2026-05-01T00:00:00Z'),
  });
  const app = async (commands: readonly Command[]) => {
    const slackApp = createSlackApp({
      botToken: TOKEN,
      signingSecret: SECRET,
      apiUrl: config.SLACK_API_URL,
      managerIds: [],
      commands,
      contextFor: bot.contextFor,
      log,
    });
    await slackApp.start();
    return serve(log, slackApp.requestHandler);
  };
  const servers = {
    briefbot: await app(bot.commands),
    transportOnly: await app([constantYield()]),
    bareBolt: await serve(log, await bareBolt(slack.apiUrl, log)),
    bareBoltControl: await serve(log, await bareBolt(slack.apiUrl, log)),
  };
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  try {
    for (const { url } of Object.values(servers)) {
      const warm = await load(agent, url, 8, WARMUP_REQUESTS);
      if (warm.failures > 0) throw new Error(`warm-up at ${url} had ${warm.failures} failures`);
    }
    const sides = Object.keys(servers) as (keyof typeof servers)[];
    const figures = Object.fromEntries(sides.map((side) => [side, {}])) as Record<
      keyof typeof servers,
      Record<'c1' | 'c32', LoadFigures>
    >;
    for (const concurrency of [1, 32] as const) {
      const blocks = await interleaved(sides, REQUESTS[concurrency] / BLOCK[concurrency], async (side) => {
        const run = await load(agent, servers[side].url, concurrency, BLOCK[concurrency]);
        if (run.failures > 0) throw new Error(`${run.failures} ${side} requests failed under load`);
        return run;
      });
      for (const side of sides) figures[side][`c${concurrency}`] = combine(blocks[side]);
    }
    const ratios = {
      c1: ratio(figures.briefbot.c1, figures.bareBolt.c1),
      c32: ratio(figures.briefbot.c32, figures.bareBolt.c32),
    };
    const transportOnlyRatios = {
      c1: ratio(figures.transportOnly.c1, figures.bareBolt.c1),
      c32: ratio(figures.transportOnly.c32, figures.bareBolt.c32),
    };
    const controlRatios = {
      c1: ratio(figures.bareBoltControl.c1, figures.bareBolt.c1),
      c32: ratio(figures.bareBoltControl.c32, figures.bareBolt.c32),
    };
    const judged = {
      'c1 p99 ratio': { value: ratios.c1.p99, atMost: MAX_P99_RATIO },
      'c32 p99 ratio': { value: ratios.c32.p99, atMost: MAX_P99_RATIO },
      'c1 throughput ratio': { value: ratios.c1.throughput, atLeast: MIN_THROUGHPUT_RATIO },
      'c32 throughput ratio': { value: ratios.c32.throughput, atLeast: MIN_THROUGHPUT_RATIO },
    };
    const line = (k: 'c1' | 'c32') =>
      `c${k.slice(1)}: ${Math.round(figures.briefbot[k].requestsPerSecond)} req/s (bare ${Math.round(figures.bareBolt[k].requestsPerSecond)}), p99 ${figures.briefbot[k].latency.p99Ms.toFixed(2)} ms (bare ${figures.bareBolt[k].latency.p99Ms.toFixed(2)})`;
    return {
      briefbot: figures.briefbot,
      bareBolt: figures.bareBolt,
      transportOnly: figures.transportOnly,
      ratios,
      transportOnlyRatios,
      controlRatios,
      summary: `${line('c1')}; ${line('c32')}; p99 ratios ${ratios.c1.p99}/${ratios.c32.p99} (bare against a second bare app: ${controlRatios.c1.p99}/${controlRatios.c32.p99})`,
      target: `≥${MIN_THROUGHPUT_RATIO}× bare Bolt throughput, p99 ≤${MAX_P99_RATIO}× bare`,
      judged,
      pass: Object.values(judged).every((j) => meets(j)),
    };
  } finally {
    agent.destroy();
    for (const { http } of Object.values(servers)) await http.close();
    await slack.close();
    await market.close();
  }
}

interface Block {
  readonly seconds: number;
  readonly samples: readonly number[];
}

/** A side's figures from all its blocks: requests over the time spent on them, percentiles over every request. */
function combine(blocks: readonly Block[]): LoadFigures {
  const samples = blocks.flatMap((b) => b.samples);
  const seconds = blocks.reduce((sum, b) => sum + b.seconds, 0);
  return { requestsPerSecond: round(samples.length / seconds, 1), latency: summarise(samples) };
}

/** The baseline: Bolt's HTTPReceiver with signature checks, one listener acknowledging a constant. */
async function bareBolt(apiUrl: string, log: ReturnType<typeof createLogger>) {
  const receiver = new HTTPReceiver({
    signingSecret: SECRET,
    endpoints: SLACK_EVENTS_PATH,
    logger: slackLogger(log),
  });
  const app = new App({
    token: TOKEN,
    receiver,
    logger: slackLogger(log),
    clientOptions: slackClientOptions({ apiUrl, retryConfig: webApi.retryPolicies.rapidRetryPolicy }),
    convoStore: false,
  });
  app.command('/yield', async ({ ack }) => {
    await ack({ response_type: 'in_channel', text: 'JGB 40Y 3.743%' });
  });
  return receiver.requestListener;
}

async function serve(
  log: ReturnType<typeof createLogger>,
  handler: Parameters<HttpServer['route']>[2] | undefined,
): Promise<{ http: HttpServer; url: string }> {
  if (!handler) throw new Error('no HTTP handler');
  const http = createHttpServer(log);
  http.route('POST', SLACK_EVENTS_PATH, handler);
  const { port } = await http.listen(0, '127.0.0.1');
  return { http, url: `http://127.0.0.1:${port}${SLACK_EVENTS_PATH}` };
}

let sequence = 0;

/** `total` signed requests, `concurrency` at a time; each is unique so the replay guard admits it. */
async function load(agent: Agent, url: string, concurrency: number, total: number) {
  const samples: number[] = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next += 1;
        sequence += 1;
        const body = slashCommandBody({
          command: '/yield',
          text: '40y',
          responseUrl: `http://127.0.0.1:9/response/${sequence}`,
        });
        const timestamp = Math.floor(Date.now() / 1_000);
        const t0 = performance.now();
        const status = await post(agent, url, body, {
          'content-type': 'application/x-www-form-urlencoded',
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': slackSignature(SECRET, timestamp, body),
        });
        samples.push(performance.now() - t0);
        if (status !== 200) failures += 1;
      }
    }),
  );
  return { failures, seconds: (performance.now() - started) / 1_000, samples };
}

function post(agent: Agent, url: string, body: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function ratio(mine: LoadFigures, bare: LoadFigures) {
  return {
    throughput: round(mine.requestsPerSecond / bare.requestsPerSecond, 3),
    p99: round(mine.latency.p99Ms / bare.latency.p99Ms, 3),
  };
}
