import { REST } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBriefbot } from '../../src/app.ts';
import { loadConfig } from '../../src/config/config.ts';
import { addDays } from '../../src/domain/dates.ts';
import { offsetSchedulerClock } from '../../src/schedule/scheduler-clock.ts';
import { createSchedulerServiceFor } from '../../src/schedule/scheduler-service-factory.ts';
import { createDiscordChannelPoster } from '../../src/transports/discord/discord-channel-poster.ts';
import { createSlackChannelPoster } from '../../src/transports/slack/slack-channel-poster.ts';
import { createSlackWebClient } from '../../src/transports/slack/slack-web-client.ts';
import { decodePng } from '../chart/decode-png.ts';
import { type FakeDiscordRest, startFakeDiscordRest } from '../support/fake-discord-rest.ts';
import { type FakeMarket, startFakeMarket } from '../support/fake-market.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../support/fake-slack-api.ts';
import { schedule, silentLog } from './scheduler-harness.ts';

const TOKEN = 'xoxb-brief-charts-test';
// 07:30 in Tokyo.
const FIRE = '2026-04-30T22:30:00.000Z';
const DISCORD_CHANNEL = '300000000000000042';
const CURVE = 'curve-jp-2026-04-30-vs-2026-04-23.png';
const PRICES = /^prices-\d{4}-\d{2}-\d{2}-30d\.png$/;

let market: FakeMarket;
let slack: FakeSlackApi;
let discord: FakeDiscordRest;
let rest: REST;
beforeAll(async () => {
  market = await startFakeMarket();
  slack = await startFakeSlackApi({ token: TOKEN, clock: () => Date.parse(FIRE) + 5_000 });
  discord = await startFakeDiscordRest();
  rest = new REST({ api: discord.apiUrl }).setToken('test-bot-token');
});
afterAll(async () => {
  rest.clearHashSweeper();
  rest.clearHandlerSweeper();
  await Promise.all([market.close(), slack.close(), discord.close()]);
});

describe('a scheduled morning brief with charts', () => {
  it('uploads the curve chart and the sparklines to Slack and attaches them on Discord, from one composition', async () => {
    const bot = createBriefbot(
      loadConfig({ ...market.env, SLACK_BOT_TOKEN: TOKEN, SLACK_API_URL: slack.apiUrl }),
      { log: silentLog, defaultMetrics: false },
    );
    const client = createSlackWebClient({ token: TOKEN, apiUrl: slack.apiUrl, log: silentLog });
    bot.posters.register(createSlackChannelPoster({ client, log: silentLog }));
    bot.posters.register(createDiscordChannelPoster({ rest, log: silentLog }));
    // Bitcoin's recorded closes before today; Kraken's ticker has no time, so its quote is today's.
    const today = new Date().toISOString().slice(0, 10);
    for (const [i, close] of [80_410, 79_950.5, 80_120].entries())
      await bot.store.history.record('btc', addDays(today, -3 + i), close);
    await bot.store.schedules.add(schedule('slack1', { nextFireAt: FIRE }));
    await bot.store.schedules.add(
      schedule('discord1', { nextFireAt: FIRE, platform: 'discord', channelId: DISCORD_CHANNEL }),
    );
    // The production wiring: the scheduler's composer draws charts with the store's price history.
    const { scheduler, composer } = createSchedulerServiceFor(bot, {
      clock: offsetSchedulerClock(Date.parse(FIRE) + 5_000 - Date.now()),
    });
    await scheduler.tick();
    expect(composer.counts).toEqual({ snapshots: 1, compositions: 1 });

    // Slack: the text first, with a stand-in where each picture sits, then the pictures shared together.
    const [message] = slack.callsTo('chat.postMessage');
    const blocks = JSON.stringify(message?.args.blocks);
    expect(blocks).toContain('[image: JGB curve 2026-04-30 vs 2026-04-23: 2Y 1.402% (+3.7 bp)');
    expect(blocks).toContain('[image: Daily closes over 30 days: Bitcoin 80,410 → 78,494');
    expect(slack.uploads.map((u) => u.filename)).toEqual([CURVE, expect.stringMatching(PRICES)]);
    const [curve, prices] = slack.uploads.map((u) => decodePng(u.bytes));
    expect({ width: curve?.width, height: curve?.height }).toEqual({ width: 640, height: 360 });
    expect({ width: prices?.width, height: prices?.height }).toEqual({ width: 640, height: 118 });
    const shared = slack.callsTo('files.completeUploadExternal').map((c) => c.args);
    expect(shared.map((args) => args.channel_id)).toEqual(['C-slack1']);
    expect(JSON.stringify(shared[0]?.files)).toContain('JGB curve 2026-04-30 vs 2026-04-23');
    expect(JSON.stringify(shared[0]?.files)).toContain('Daily closes over 30 days');

    // Discord: the same pictures as attachments, each shown by the embed that points at it.
    const posts = discord.matching('POST', /^\/channels\/\d+\/messages$/);
    expect(posts.every((p) => p.path === `/channels/${DISCORD_CHANNEL}/messages`)).toBe(true);
    const files = posts.flatMap((p) => p.files);
    expect(files.map((f) => f.filename)).toEqual([CURVE, expect.stringMatching(PRICES)]);
    expect(files.map((f) => f.contentType)).toEqual(['image/png', 'image/png']);
    // Byte for byte what Slack got: one composition, kept in the brief cache, serves both.
    expect(files.map((f) => Buffer.from(f.bytes).toString('base64'))).toEqual(
      slack.uploads.map((u) => Buffer.from(u.bytes).toString('base64')),
    );
    const embeds = posts.flatMap((p) => (p.json as { embeds: { image?: { url: string } }[] }).embeds);
    expect(embeds.flatMap((e) => (e.image ? [e.image.url] : []))).toEqual(
      files.map((f) => `attachment://${f.filename}`),
    );
    const attachments = posts.flatMap(
      (p) => (p.json as { attachments?: { description?: string }[] }).attachments ?? [],
    );
    expect(attachments[0]?.description).toMatch(/^JGB curve 2026-04-30 vs 2026-04-23: /);
    expect((await bot.store.deliveries.list({ status: 'sent' })).length).toBe(2);
    await bot.store.close();
  });
});
