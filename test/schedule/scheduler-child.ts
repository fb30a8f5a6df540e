/**
 * One briefbot instance running only its scheduler, as `serve` wires it, for the crash and
 * two-instance tests: real store on DATABASE_URL, real Slack poster and probe on SLACK_API_URL,
 * market sources on the parent's fake market. Its clock runs at real speed shifted by OFFSET_MS,
 * so it starts "at" a fire time. It prints `{"event":"ready"}`, starts scheduling when a line
 * arrives on stdin, and prints its stats when SIGTERM stops it.
 */
import { createInterface } from 'node:readline';
import { createBriefbot } from '../../src/app.ts';
import { loadConfig } from '../../src/config/config.ts';
import { createLogger } from '../../src/log/logger.ts';
import { offsetSchedulerClock } from '../../src/schedule/scheduler-clock.ts';
import { createSchedulerServiceFor } from '../../src/schedule/scheduler-service-factory.ts';
import { createSlackChannelPoster } from '../../src/transports/slack/slack-channel-poster.ts';
import { createSlackWebClient } from '../../src/transports/slack/slack-web-client.ts';

const env = process.env;
const config = loadConfig(env);
const log = createLogger(config.LOG_LEVEL);
const bot = createBriefbot(config, { log, defaultMetrics: false });
const client = createSlackWebClient({
  token: config.SLACK_BOT_TOKEN ?? '',
  apiUrl: config.SLACK_API_URL,
  log,
  retryConfig: { retries: 2, factor: 1, minTimeout: 50, maxTimeout: 200 },
});
bot.posters.register(createSlackChannelPoster({ client, log }));
const { service, scheduler } = createSchedulerServiceFor(bot, {
  clock: offsetSchedulerClock(Number(env.OFFSET_MS ?? 0)),
  intervalMs: Number(env.TICK_MS ?? 200),
  leaseMs: Number(env.LEASE_MS ?? 1_500),
  concurrency: Number(env.CONCURRENCY ?? 8),
  instanceId: env.INSTANCE_ID ?? `child-${process.pid}`,
});

const say = (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(event)}\n`);
process.once('SIGTERM', () => {
  void service.stop().then(async () => {
    say({ event: 'stopped', stats: scheduler.stats });
    await bot.store.close();
    process.exit(0);
  });
});

await bot.store.migrate();
say({ event: 'ready', instance: scheduler.instanceId });
const input = createInterface({ input: process.stdin });
input.once('line', () => {
  void service.start().then(() => say({ event: 'started' }));
});
