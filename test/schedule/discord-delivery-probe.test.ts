import { REST } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBriefbot } from '../../src/app.ts';
import { loadConfig } from '../../src/config/config.ts';
import { DeliveryError } from '../../src/delivery/channel-poster.ts';
import { createPosterRegistry } from '../../src/delivery/poster-registry.ts';
import type { Document } from '../../src/domain/document.ts';
import { createScheduler } from '../../src/schedule/scheduler.ts';
import { offsetSchedulerClock } from '../../src/schedule/scheduler-clock.ts';
import { createSchedulerServiceFor } from '../../src/schedule/scheduler-service-factory.ts';
import { sendWithRetry } from '../../src/schedule/send-with-retry.ts';
import { createSqliteStore } from '../../src/store/create-store.ts';
import { createDiscordChannelPoster } from '../../src/transports/discord/discord-channel-poster.ts';
import { createDiscordDeliveryProbe } from '../../src/transports/discord/discord-delivery-probe.ts';
import { type FakeDiscordRest, startFakeDiscordRest } from '../support/fake-discord-rest.ts';
import { startFakeMarket } from '../support/fake-market.ts';
import { pinnedClock, schedule, silentLog, stubComposer } from './scheduler-harness.ts';

const CHANNEL = '300000000000000001';
const OTHER_CHANNEL = '300000000000000002';
const brief = (title: string): Document => ({
  title,
  blocks: [{ kind: 'text', text: 'JGB 10Y 2.330%' }],
  footer: [],
});

/** A brief too long for one Discord message: it goes out as several. */
const long: Document = {
  title: 'Morning brief · Friday, May 1, 2026',
  blocks: Array.from({ length: 40 }, (_, i) => ({ kind: 'text' as const, text: `${i} ${'x'.repeat(900)}` })),
  footer: [],
};

let now = Date.parse('2026-05-01T22:30:05Z');
let discord: FakeDiscordRest;
let rest: REST;
beforeEach(async () => {
  now = Date.parse('2026-05-01T22:30:05Z');
  discord = await startFakeDiscordRest({ now: () => now });
  rest = new REST({ api: discord.apiUrl, retries: 0 }).setToken('probe-test-token');
});
afterEach(async () => {
  rest.clearHashSweeper();
  rest.clearHandlerSweeper();
  await discord.close();
});

const poster = () => createDiscordChannelPoster({ rest, log: silentLog });
const probe = () => createDiscordDeliveryProbe({ rest });

describe('the Discord delivery probe', () => {
  it('finds a brief this bot already posted to the channel since the claim', async () => {
    const sent = await poster().post(CHANNEL, brief('Morning brief · Friday, May 1, 2026'));
    const found = await probe().findPosted(
      CHANNEL,
      brief('Morning brief · Friday, May 1, 2026'),
      new Date(now - 60_000),
    );
    expect(found).toEqual(sent.messageIds);
    const [history] = discord.matching('GET', /^\/channels\/\d+\/messages$/);
    expect(history?.path).toBe(`/channels/${CHANNEL}/messages`);
    expect(history?.headers.authorization).toBe('Bot probe-test-token');
    expect(history?.query.get('limit')).toBe('100');
  });

  it('does not mistake another brief, another channel, an older message or another author for it', async () => {
    await poster().post(CHANNEL, brief('Morning brief · Thursday, April 30, 2026'));
    await poster().post(OTHER_CHANNEL, brief('Morning brief · Friday, May 1, 2026'));
    now += 3_600_000;
    await poster().post(CHANNEL, brief('Market close · Friday, May 1, 2026'));
    // Someone else pasting the brief's title into the channel is not the bot's post.
    discord.once('GET', /^\/users\/@me$/, { json: { id: '999999999999999999', username: 'other' } });
    expect(
      await probe().findPosted(CHANNEL, brief('Market close · Friday, May 1, 2026'), new Date(0)),
    ).toBeUndefined();
    expect(
      await probe().findPosted(CHANNEL, brief('Morning brief · Friday, May 1, 2026'), new Date(0)),
    ).toBeUndefined();
    expect(
      await probe().findPosted(
        CHANNEL,
        brief('Morning brief · Thursday, April 30, 2026'),
        new Date(now - 60_000),
      ),
    ).toBeUndefined();
    expect(
      await probe().findPosted(CHANNEL, brief('Market close · Friday, May 1, 2026'), new Date(now - 60_000)),
    ).toHaveLength(1);
  });

  it('pages through a busy channel, oldest page first', async () => {
    const since = new Date(now - 1_000);
    const chatter = poster();
    for (let i = 0; i < 100; i += 1) await chatter.post(CHANNEL, brief(`Chatter ${i}`));
    const sent = await chatter.post(CHANNEL, brief('Morning brief · Friday, May 1, 2026'));
    const found = await probe().findPosted(CHANNEL, brief('Morning brief · Friday, May 1, 2026'), since);
    expect(found).toEqual(sent.messageIds);
    const pages = discord.matching('GET', /^\/channels\/\d+\/messages$/);
    expect(pages).toHaveLength(2);
    expect(BigInt(pages[1]?.query.get('after') ?? '0')).toBeGreaterThan(
      BigInt(pages[0]?.query.get('after') ?? '0'),
    );
  });

  it('says it cannot tell for a brief split over several messages, so it is sent again whole', async () => {
    await poster().post(CHANNEL, long);
    await expect(probe().findPosted(CHANNEL, long, new Date(0))).rejects.toThrow(/several messages/);
  });

  it('says it cannot tell when the channel holds more messages since the claim than it reads', async () => {
    let id = 10n ** 17n;
    discord.handle('GET', /^\/channels\/\d+\/messages$/, () => ({
      json: Array.from({ length: 100 }, () => {
        id += 1n;
        return { id: String(id), author: { id: '1' }, embeds: [{ title: 'Chatter' }] };
      }),
    }));
    await expect(
      probe().findPosted(CHANNEL, brief('Morning brief · Friday, May 1, 2026'), new Date(now - 1_000)),
    ).rejects.toThrow(/more than 300 messages/);
    expect(discord.matching('GET', /^\/channels\/\d+\/messages$/)).toHaveLength(3);
  });

  it('resumes a brief of several messages after the one that failed, sending none twice', async () => {
    const posts = /^\/channels\/\d+\/messages$/;
    // The second message meets a 503 once: the first stays sent, and the retry starts at the second.
    let seen = 0;
    discord.handle('POST', posts, (request) => {
      seen += 1;
      if (seen === 2) return { status: 503, json: { message: 'unavailable', code: 0 } };
      return { json: { id: String(10n ** 17n + BigInt(seen)), channel_id: CHANNEL, content: request.json } };
    });
    const result = await sendWithRetry({
      poster: poster(),
      channelId: CHANNEL,
      document: long,
      probe: probe(),
      checkFirst: false,
      since: new Date(now - 1_000),
      deadline: new Date(now + 600_000),
      clock: { now: () => new Date(now), sleep: async () => {} },
      policy: { initialDelayMs: 10, maxDelayMs: 10 },
      signal: new AbortController().signal,
    });
    const bodies = discord.matching('POST', posts).map((r) => JSON.stringify(r.json));
    expect(result.kind).toBe('sent');
    expect(bodies.length).toBeGreaterThan(2);
    // Every message went out once, except the one that failed, which went twice.
    expect(bodies[1]).toBe(bodies[2]);
    expect(new Set(bodies).size).toBe(bodies.length - 1);
    expect(result).toMatchObject({ messageIds: expect.arrayContaining([String(10n ** 17n + 1n)]) });
    expect(discord.matching('GET', posts)).toHaveLength(0);
  });

  it('says it cannot tell when Discord refuses to show the history', async () => {
    discord.once('GET', /^\/channels\/\d+\/messages$/, {
      status: 403,
      json: { message: 'Missing Access', code: 50001 },
    });
    await expect(probe().findPosted(CHANNEL, brief('Morning brief'), new Date(0))).rejects.toThrow(
      /Missing Access/,
    );
  });

  it('lets a restarted scheduler record a dead instance’s post instead of sending it again', async () => {
    const fire = '2026-05-01T22:30:00.000Z';
    const store = createSqliteStore(':memory:');
    const discordSchedule = (id: string, channelId: string) =>
      schedule(id, { platform: 'discord', channelId, nextFireAt: fire });
    await store.schedules.add(discordSchedule('a', CHANNEL));
    await store.schedules.add(discordSchedule('b', OTHER_CHANNEL));
    const posters = createPosterRegistry();
    posters.register(poster());
    const composer = stubComposer();
    const make = (clock: ReturnType<typeof pinnedClock>, instanceId: string) =>
      createScheduler({
        store,
        posters,
        composer,
        probes: { discord: probe() },
        log: silentLog,
        clock,
        instanceId,
        graceMs: 30 * 60_000,
        retry: { initialDelayMs: 1_000, maxDelayMs: 60_000 },
      });

    // An instance claimed both fires, got the first brief into its channel and died before
    // recording it.
    const claimedAt = new Date(Date.parse(fire) + 1_000);
    await store.deliveries.enqueue(
      [
        ['a', CHANNEL],
        ['b', OTHER_CHANNEL],
      ].map(([id, channelId]) => ({
        scheduleId: id ?? '',
        fireAt: fire,
        platform: 'discord',
        channelId: channelId ?? '',
        status: 'pending' as const,
        ownerId: 'U',
        template: 'morning',
        timeZone: 'Asia/Tokyo',
      })),
    );
    await store.deliveries.claim({ instanceId: 'dead', now: claimedAt, leaseMs: 120_000, limit: 10 });
    // The document the stub composer makes for this fire, as every instance would send it.
    await poster().post(CHANNEL, { title: `morning brief for ${fire}`, blocks: [], footer: [] });
    const postsBefore = discord.matching('POST', /^\/channels\/\d+\/messages$/).length;

    const clock = pinnedClock(new Date(Date.parse(fire) + 122_000));
    now = clock.now().getTime();
    await make(clock, 'restarted').tick();

    const posts = discord.matching('POST', /^\/channels\/\d+\/messages$/).slice(postsBefore);
    expect(posts.map((p) => p.path)).toEqual([`/channels/${OTHER_CHANNEL}/messages`]);
    const rows = await store.deliveries.list({});
    expect(rows.map((r) => [r.channelId, r.status]).sort()).toEqual([
      [CHANNEL, 'sent'],
      [OTHER_CHANNEL, 'sent'],
    ]);
    expect(rows.find((r) => r.channelId === CHANNEL)?.note).toContain('earlier attempt');
    await store.close();
  });

  it('is wired in for DISCORD_TOKEN: a post whose answer was lost is found, not sent twice', async () => {
    const market = await startFakeMarket();
    const fire = '2026-04-30T22:30:00.000Z';
    const bot = createBriefbot(
      loadConfig({ ...market.env, DISCORD_TOKEN: 'probe-test-token', DISCORD_API_URL: discord.apiUrl }),
      { log: silentLog, defaultMetrics: false },
    );
    try {
      // Discord accepts the first post, but its answer never arrives (a timeout, a reset connection).
      const real = poster();
      let attempts = 0;
      bot.posters.register({
        platform: 'discord',
        async post(channelId, document, resume) {
          const result = await real.post(channelId, document, resume);
          attempts += 1;
          if (attempts === 1)
            throw new DeliveryError('Discord did not answer in time', false, {
              platform: 'discord',
              channelId,
            });
          return result;
        },
      });
      await bot.store.schedules.add(
        schedule('d1', { platform: 'discord', channelId: CHANNEL, nextFireAt: fire }),
      );
      now = Date.parse(fire) + 5_000;
      const { scheduler } = createSchedulerServiceFor(bot, {
        clock: offsetSchedulerClock(now - Date.now()),
        retry: { initialDelayMs: 10, maxDelayMs: 10 },
      });
      await scheduler.tick();

      // The retry finds the message, so it resumes after it: with nothing left, it posts nothing.
      expect(attempts).toBe(2);
      expect(discord.matching('POST', /^\/channels\/\d+\/messages$/)).toHaveLength(1);
      expect(discord.matching('GET', /^\/channels\/\d+\/messages$/)).toHaveLength(1);
      const [row] = await bot.store.deliveries.list({});
      expect(row).toMatchObject({ channelId: CHANNEL, status: 'sent' });
      expect(row?.note).toContain('found in the channel');
    } finally {
      await bot.store.close();
      await market.close();
    }
  });
});
