import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PriceHistory } from '../src/alerts/observe-subject.ts';
import { createBriefbot } from '../src/app.ts';
import { loadConfig } from '../src/config/config.ts';
import { addDays } from '../src/domain/dates.ts';
import { ASSETS } from '../src/domain/instruments.ts';
import { createLogger } from '../src/log/logger.ts';
import type { Schedule } from '../src/schedule/schedule.ts';
import { offsetSchedulerClock } from '../src/schedule/scheduler-clock.ts';
import { createSchedulerServiceFor } from '../src/schedule/scheduler-service-factory.ts';
import { createSlackChannelPoster } from '../src/transports/slack/slack-channel-poster.ts';
import { createSlackWebClient } from '../src/transports/slack/slack-web-client.ts';
import { startFakeMarket } from '../test/support/fake-market.ts';
import { startFakeSlackApi } from '../test/support/fake-slack-api.ts';
import type { BenchResult } from './report.ts';

const TOKEN = 'xoxb-bench-digest';
// 07:30 in Tokyo, 18:30 in New York: one fire instant for every schedule.
const FIRE = '2026-04-30T22:30:00.000Z';
const BRIEFS = 1_000;
/** Templates, locales and zones in the mix: each should be composed exactly once. */
const MIX = [
  { template: 'morning', timeZone: 'Asia/Tokyo', time: '07:30' },
  { template: 'morning.ja', locale: 'ja', timeZone: 'Asia/Tokyo', time: '07:30' },
  { template: 'five-things', timeZone: 'Asia/Tokyo', time: '07:30' },
  { template: 'close', timeZone: 'America/New_York', time: '18:30' },
] as const;

interface Scenario {
  /** Distinct channels; `BRIEFS / channels` digests land in each. */
  readonly channels: number;
  /** The fake refuses a second message to a channel within this many ms with a 429. */
  readonly channelIntervalMs?: number;
}

/** 1,000 digests due at the same minute, delivered through the real scheduler, Slack poster and WebClient. */
export async function benchDigestFanOut(): Promise<BenchResult> {
  const result = await runScenario({ channels: BRIEFS });
  const pass =
    result.lost === 0 &&
    result.duplicated === 0 &&
    result.snapshots === 1 &&
    result.compositions === MIX.length &&
    result.maxFetchesPerUrl === 1 &&
    result.totalMs < 15_000;
  return {
    ...result,
    summary: `${BRIEFS.toLocaleString('en-US')} channels in ${result.totalMs} ms (${result.messagesPerSecond} msg/s, ${result.pictures} pictures in ${result.shares} shares); ${result.snapshots} snapshot, ${result.compositions} compositions for ${MIX.length} template/locale/zone, ${result.upstreamFetches} upstream fetches (max ${result.maxFetchesPerUrl} per URL); lost ${result.lost}, duplicated ${result.duplicated}`,
    target: 'every brief once; one fetch per source, one composition per template/locale; under 15 s',
    pass,
  };
}

/** The same 1,000 digests into 250 channels (four each) against a fake enforcing 1 msg/s/channel with 429s. */
export async function benchDigestRateLimited(): Promise<BenchResult> {
  const result = await runScenario({ channels: 250, channelIntervalMs: 1_000 });
  const pass = result.lost === 0 && result.duplicated === 0;
  return {
    ...result,
    summary: `${BRIEFS.toLocaleString('en-US')} briefs to 250 channels at 1 msg/s/channel in ${result.totalMs} ms; ${result.rateLimited} 429s answered; lost ${result.lost}, duplicated ${result.duplicated}`,
    target: 'zero lost, zero duplicated under 1 msg/s/channel with 429s',
    pass,
  };
}

async function runScenario(scenario: Scenario) {
  const market = await startFakeMarket();
  const offsetMs = Date.parse(FIRE) + 1_000 - Date.now();
  const slack = await startFakeSlackApi({
    token: TOKEN,
    clock: () => Date.now() + offsetMs,
    ...(scenario.channelIntervalMs === undefined ? {} : { channelIntervalMs: scenario.channelIntervalMs }),
  });
  const dir = mkdtempSync(join(tmpdir(), 'briefbot-bench-digest-'));
  try {
    const log = createLogger('silent');
    const config = loadConfig({
      ...market.env,
      DATABASE_URL: `sqlite:${join(dir, 'briefbot.db')}`,
      SLACK_BOT_TOKEN: TOKEN,
      SLACK_API_URL: slack.apiUrl,
    });
    const bot = createBriefbot(config, { log, defaultMetrics: false });
    const client = createSlackWebClient({ token: TOKEN, apiUrl: slack.apiUrl, log });
    bot.posters.register(createSlackChannelPoster({ client, log }));
    await recordMonthOfCloses(bot.store.history);
    for (let i = 0; i < BRIEFS; i += 1) await bot.store.schedules.add(digest(i, scenario.channels));
    const { scheduler, composer } = createSchedulerServiceFor(bot, { clock: offsetSchedulerClock(offsetMs) });

    const fetchesBefore = market.server.requests.length;
    const started = performance.now();
    await scheduler.tick();
    const totalMs = Math.round(performance.now() - started);

    const perChannelTemplate = new Map<string, number>();
    for (const p of slack.posted)
      perChannelTemplate.set(
        `${p.channel}|${p.text}`,
        (perChannelTemplate.get(`${p.channel}|${p.text}`) ?? 0) + 1,
      );
    const fetches = new Map<string, number>();
    for (const r of market.server.requests.slice(fetchesBefore))
      fetches.set(r.url, (fetches.get(r.url) ?? 0) + 1);
    const sent = (await bot.store.deliveries.list({ status: 'sent' })).length;
    await bot.store.close();
    return {
      briefs: BRIEFS,
      channels: scenario.channels,
      totalMs,
      messagesPerSecond: Math.round((slack.posted.length / totalMs) * 1_000),
      delivered: slack.posted.length,
      ledgerSent: sent,
      lost: BRIEFS - perChannelTemplate.size,
      duplicated: slack.posted.length - perChannelTemplate.size,
      rateLimited: slack.rateLimited(),
      ...picturesShared(slack.callsTo('files.completeUploadExternal')),
      snapshots: composer.counts.snapshots,
      compositions: composer.counts.compositions,
      upstreamFetches: [...fetches.values()].reduce((a, b) => a + b, 0),
      maxFetchesPerUrl: Math.max(0, ...fetches.values()),
    };
  } finally {
    await market.close();
    await slack.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The i-th digest: templates cycle so a channel's digests differ; ids are random, as in production. */
function digest(i: number, channels: number): Schedule {
  const mix = MIX[(i + Math.floor(i / channels)) % MIX.length] ?? MIX[0];
  return {
    id: randomBytes(4).toString('hex'),
    platform: 'slack',
    channelId: `C${String(i % channels).padStart(5, '0')}`,
    ownerId: 'U0BENCH',
    time: mix.time,
    days: [1, 2, 3, 4, 5],
    timeZone: mix.timeZone,
    skipHolidays: [],
    template: mix.template,
    ...('locale' in mix ? { locale: mix.locale } : {}),
    paused: false,
    createdAt: '2026-04-01T00:00:00.000Z',
    nextFireAt: FIRE,
  };
}

/**
 * A month of daily closes for every price, as a bot that has been running a while has recorded:
 * the morning briefs then carry their sparklines as well as the curve chart, two pictures each. A
 * trail ends at its quote's date, which is the fixture's date for some sources and today for those
 * whose payloads carry no time, so both months are recorded.
 */
async function recordMonthOfCloses(history: PriceHistory): Promise<void> {
  const ends = [FIRE.slice(0, 10), new Date().toISOString().slice(0, 10)];
  for (const [n, asset] of ASSETS.entries()) {
    for (const end of ends) {
      for (let day = 30; day >= 1; day -= 1) {
        await history.record(asset, addDays(end, -day), 100 + n + Math.sin(day + n) * 3);
      }
    }
  }
}

/** How many pictures the briefs shared, and in how many files.completeUploadExternal calls. */
function picturesShared(calls: readonly { args: Record<string, unknown> }[]) {
  const files = (args: Record<string, unknown>) => {
    const value = args.files;
    const list = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
    return Array.isArray(list) ? list.length : 0;
  };
  return { shares: calls.length, pictures: calls.reduce((n, call) => n + files(call.args), 0) };
}
