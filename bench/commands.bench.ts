import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createBriefbot } from '../src/app.ts';
import { dispatch } from '../src/command/dispatch.ts';
import { loadConfig } from '../src/config/config.ts';
import { createLogger } from '../src/log/logger.ts';
import { CONSOLE_CALLER } from '../src/transports/console-transport.ts';
import { fixture, MOF_EMPTY_CURRENT_MONTH, MOF_PATHS } from '../test/support/fake-market.ts';
import type { BenchResult } from './report.ts';
import { type LatencySummary, summarise, timeRuns } from './stats.ts';

/** A MOF stand-in on loopback that answers after `delayMs` and counts its requests. */
async function startSlowMof(delayMs: number) {
  const history = fixture('mof_jgb/jgbcme_all.en.2026-04-30.csv');
  const requests = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = req.url?.split('?')[0] ?? '';
    requests.set(path, (requests.get(path) ?? 0) + 1);
    const body = req.url?.startsWith(MOF_PATHS.enHistory)
      ? history
      : req.url?.startsWith(MOF_PATHS.enCurrent)
        ? MOF_EMPTY_CURRENT_MONTH
        : undefined;
    setTimeout(() => {
      res.writeHead(body ? 200 : 404, { 'content-type': 'text/csv' });
      res.end(body ?? 'not found');
    }, delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requestsFor: (path: string) => requests.get(path) ?? 0,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function bot(mofBaseUrl: string) {
  const config = loadConfig({ MOF_BASE_URL: mofBaseUrl, LOG_LEVEL: 'silent' });
  return createBriefbot(config, { log: createLogger('silent'), now: () => new Date('2026-05-01T00:00:00Z') });
}

export interface WarmYieldResult extends BenchResult {
  readonly yield40y: LatencySummary;
  readonly pass: boolean;
}

/** `/yield 40y` through the command layer with a warm cache: the in-process cost of an answer. */
export async function benchWarmYield(): Promise<WarmYieldResult> {
  const mof = await startSlowMof(0);
  try {
    const briefbot = bot(mof.baseUrl);
    const context = briefbot.contextFor(CONSOLE_CALLER);
    const first = await dispatch('/yield 40y', briefbot.commands, context);
    if (first.outcome !== 'answer') throw new Error('warm-up /yield 40y did not answer');
    const summary = summarise(
      await timeRuns(2_000, 200, () => dispatch('/yield 40y', briefbot.commands, context)),
    );
    return {
      yield40y: summary,
      summary: `p50 ${summary.p50Ms.toFixed(3)} ms, p99 ${summary.p99Ms.toFixed(3)} ms over ${summary.samples} runs`,
      target: 'p99 under 1 ms',
      pass: summary.p99Ms < 1,
    };
  } finally {
    await mof.close();
  }
}

export interface SingleFlightResult extends BenchResult {
  readonly concurrentRequests: number;
  readonly sourceLatencyMs: number;
  /** Upstream requests per MOF file (history, current month): exactly one each proves single flight. */
  readonly upstreamRequests: { readonly history: number; readonly currentMonth: number };
  readonly answers: number;
  readonly wallMs: number;
  readonly pass: boolean;
}

/** 200 concurrent cold `/yield` requests against a source with 200 ms latency share one fetch. */
export async function benchSingleFlight(): Promise<SingleFlightResult> {
  const mof = await startSlowMof(200);
  try {
    const briefbot = bot(mof.baseUrl);
    const context = briefbot.contextFor(CONSOLE_CALLER);
    const start = performance.now();
    const results = await Promise.all(
      Array.from({ length: 200 }, () => dispatch('/yield 40y', briefbot.commands, context)),
    );
    const wallMs = Math.round(performance.now() - start);
    const answers = results.filter((r) => r.outcome === 'answer').length;
    const upstreamRequests = {
      history: mof.requestsFor(MOF_PATHS.enHistory),
      currentMonth: mof.requestsFor(MOF_PATHS.enCurrent),
    };
    return {
      concurrentRequests: 200,
      sourceLatencyMs: 200,
      upstreamRequests,
      answers,
      wallMs,
      summary: `${upstreamRequests.history} history + ${upstreamRequests.currentMonth} current-month request for 200 concurrent cold requests; ${answers} answers in ${wallMs} ms`,
      target: 'exactly one upstream fetch',
      pass: upstreamRequests.history === 1 && upstreamRequests.currentMonth === 1 && answers === 200,
    };
  } finally {
    await mof.close();
  }
}
