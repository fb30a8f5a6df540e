import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { FAKE_APPLICATION_ID, startFakeDiscord } from '../test/support/fake-discord.ts';
import { startFakeMarket } from '../test/support/fake-market.ts';
import { startFakeSlackApi } from '../test/support/fake-slack-api.ts';
import { startServe } from '../test/support/serve-process.ts';
import type { BenchResult } from './report.ts';

const RUNS = 3;

/** The Ed25519 public key as Discord shows it: 32 raw bytes in hex. */
function discordPublicKeyHex(): string {
  const { publicKey } = generateKeyPairSync('ed25519');
  return publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
}

interface Start {
  readonly readyMs: number;
  readonly rssMb: number;
  readonly services: Record<string, { state: string }>;
}

/**
 * `briefbot serve` as a user starts it, with Slack (HTTP) and Discord (gateway and HTTP
 * interactions) connected to fakes on loopback: time from spawn to "briefbot ready", and resident
 * memory once both transports report ready.
 */
export async function benchStartup(): Promise<BenchResult> {
  const market = await startFakeMarket();
  const slack = await startFakeSlackApi({ token: 'xoxb-0001-briefbot-bench' });
  const discord = await startFakeDiscord();
  try {
    const env = {
      ...market.env,
      DATABASE_URL: 'sqlite::memory:',
      SLACK_BOT_TOKEN: 'xoxb-0001-briefbot-bench',
      SLACK_SIGNING_SECRET: 'bench-signing-secret',
      SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN: 'test-bot-token',
      DISCORD_APPLICATION_ID: FAKE_APPLICATION_ID,
      DISCORD_PUBLIC_KEY: discordPublicKeyHex(),
      DISCORD_API_URL: discord.apiUrl,
    };
    const runs: Start[] = [];
    for (let i = 0; i < RUNS; i += 1) runs.push(await startOnce(env));
    runs.sort((a, b) => a.readyMs - b.readyMs);
    const median = runs[Math.floor(runs.length / 2)] ?? {
      readyMs: Number.NaN,
      rssMb: Number.NaN,
      services: {},
    };
    const maxRss = Math.max(...runs.map((r) => r.rssMb));
    const state = (prefix: string) =>
      Object.entries(median.services).find(([name]) => name.startsWith(prefix))?.[1].state ?? 'absent';
    const bothReady = state('slack') === 'ready' && state('discord') === 'ready';
    return {
      readyMs: median.readyMs,
      rssMb: median.rssMb,
      maxRssMb: maxRss,
      services: median.services,
      summary: `ready in ${median.readyMs} ms (median of ${RUNS}); RSS ${median.rssMb} MB (max ${maxRss}); slack ${state('slack')}, discord ${state('discord')}`,
      target: 'ready under 2 s, RSS under 200 MB, both transports connected',
      pass: bothReady && median.readyMs < 2_000 && maxRss < 200,
    };
  } finally {
    await discord.close();
    await slack.close();
    await market.close();
  }
}

async function startOnce(env: Record<string, string>): Promise<Start> {
  const started = performance.now();
  const serve = await startServe(env);
  try {
    const readyMs = Math.round(performance.now() - started);
    // Let the gateway finish its handshake and the first refresh settle before reading memory.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const health = (await (await fetch(`${serve.baseUrl}/healthz`)).json()) as {
      services: Record<string, { state: string }>;
    };
    const status = readFileSync(`/proc/${serve.child.pid}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
    return { readyMs, rssMb: Math.round(rssKb / 1024), services: health.services };
  } finally {
    await serve.stop();
  }
}
