import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBriefbot } from '../../src/app.ts';
import { loadConfig } from '../../src/config/config.ts';
import { createBriefComposer } from '../../src/schedule/brief-composer.ts';
import { createScheduler } from '../../src/schedule/scheduler.ts';
import { createSlackChannelPoster } from '../../src/transports/slack/slack-channel-poster.ts';
import { createSlackDeliveryProbe } from '../../src/transports/slack/slack-delivery-probe.ts';
import { createSlackWebClient } from '../../src/transports/slack/slack-web-client.ts';
import { type FakeMarket, startFakeMarket } from '../support/fake-market.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../support/fake-slack-api.ts';
import { pinnedClock, schedule, silentLog } from './scheduler-harness.ts';

const TOKEN = 'xoxb-fan-out-test';
// 07:30 in Tokyo is 18:30 in New York (EDT) and 22:30 UTC: one fire instant for every schedule below.
const FIRE = '2026-04-30T22:30:00.000Z';

let market: FakeMarket;
let slack: FakeSlackApi;
beforeAll(async () => {
  market = await startFakeMarket();
  slack = await startFakeSlackApi({ token: TOKEN, clock: () => Date.parse(FIRE) + 5_000 });
});
afterAll(async () => {
  await market.close();
  await slack.close();
});

describe('fan-out at one fire time', () => {
  it('takes one snapshot, composes each template, locale and zone once, and posts once per channel', async () => {
    const bot = createBriefbot(loadConfig({ ...market.env, DATABASE_URL: 'sqlite::memory:' }), {
      log: silentLog,
      defaultMetrics: false,
    });
    const client = createSlackWebClient({
      token: TOKEN,
      apiUrl: slack.apiUrl,
      retryConfig: { ...webApi.retryPolicies.rapidRetryPolicy, retries: 2 },
    });
    bot.posters.register(createSlackChannelPoster({ client, log: silentLog }));
    const { store } = bot;
    const add = (id: string, extra: Parameters<typeof schedule>[1]) =>
      store.schedules.add(schedule(id, { nextFireAt: FIRE, ...extra }));
    for (const id of ['en1', 'en2', 'en3', 'en4']) await add(id, {});
    for (const id of ['ja1', 'ja2']) await add(id, { template: 'morning.ja', locale: 'ja' });
    await add('ny1', { template: 'close', time: '18:30', timeZone: 'America/New_York' });
    await add('alerted', {});
    await bot.alerts.recordFiring({
      ruleId: 'r1',
      platform: 'slack',
      channelId: 'C-alerted',
      firedAt: '2026-04-30T09:00:00.000Z',
      text: 'Alert: JGB 40Y moves 10 bp in a day',
    });

    const clock = pinnedClock(new Date(Date.parse(FIRE) + 5_000));
    const composer = createBriefComposer({
      market: bot.market,
      briefs: store.briefs,
      now: clock.now,
      sigmaWindowDays: 60,
      alertsSince: async (target) =>
        (
          await bot.alerts.firedSince(
            target.platform,
            target.channelId,
            new Date(Date.parse(target.fireAt) - 86_400_000),
          )
        ).map((f) => ({ text: f.text, firedAt: new Date(f.firedAt) })),
    });
    const scheduler = createScheduler({
      store,
      posters: bot.posters,
      composer,
      probes: { slack: createSlackDeliveryProbe({ client }) },
      log: silentLog,
      clock,
      graceMs: 30 * 60_000,
    });
    const before = market.server.requests.length;
    await scheduler.tick();

    const posts = slack.posted;
    expect(posts.map((p) => p.channel).sort()).toEqual(
      ['C-alerted', 'C-en1', 'C-en2', 'C-en3', 'C-en4', 'C-ja1', 'C-ja2', 'C-ny1'].sort(),
    );
    const titleOf = (channel: string) => posts.find((p) => p.channel === channel)?.text ?? '';
    expect(titleOf('C-en1')).toMatch(/^Morning brief · /);
    expect(titleOf('C-ja1')).toMatch(/^朝のブリーフィング/);
    expect(titleOf('C-ny1')).toMatch(/^Market close · /);
    const alertedBlocks = JSON.stringify(
      slack.callsTo('chat.postMessage').find((c) => c.args.channel === 'C-alerted')?.args.blocks,
    );
    expect(alertedBlocks).toContain('Since the last brief');
    expect(
      JSON.stringify(slack.callsTo('chat.postMessage').find((c) => c.args.channel === 'C-en1')?.args.blocks),
    ).not.toContain('Since the last brief');

    // morning/en-US/Tokyo, morning.ja/ja/Tokyo, close/New York, and the alerted channel's own.
    expect(composer.counts).toEqual({ snapshots: 1, compositions: 4 });
    const fetches = new Map<string, number>();
    for (const request of market.server.requests.slice(before)) {
      fetches.set(request.url, (fetches.get(request.url) ?? 0) + 1);
    }
    expect(fetches.size).toBeGreaterThan(3);
    for (const [url, count] of fetches) expect({ url, count }).toEqual({ url, count: 1 });
    expect((await store.deliveries.list({ status: 'sent' })).length).toBe(8);
    await store.close();
  });
});
