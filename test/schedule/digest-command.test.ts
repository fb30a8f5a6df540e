import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Briefbot, createBriefbot } from '../../src/app.ts';
import type { Caller } from '../../src/command/command.ts';
import { dispatch } from '../../src/command/dispatch.ts';
import { loadConfig } from '../../src/config/config.ts';
import { renderText } from '../../src/render/render-text.ts';
import { discordCommandPayloads } from '../../src/transports/discord/command-registration.ts';
import { SUBCOMMAND_OPTION_TYPE } from '../../src/transports/discord/discord-interaction.ts';
import { interactionCommandLine } from '../../src/transports/discord/interaction-command-line.ts';
import { type FakeMarket, startFakeMarket } from '../support/fake-market.ts';
import { silentLog } from './scheduler-harness.ts';

const MANAGER: Caller = { platform: 'slack', userId: 'U-head', channelId: 'C-rates', isManager: true };
const MEMBER: Caller = { ...MANAGER, userId: 'U-trader', isManager: false };
// Thursday 30 April 2026, 12:00 in Tokyo.
const NOW = new Date('2026-04-30T03:00:00Z');

let market: FakeMarket;
beforeAll(async () => {
  market = await startFakeMarket();
});
afterAll(() => market.close());

function newBot(): Briefbot {
  return createBriefbot(loadConfig({ ...market.env, DATABASE_URL: 'sqlite::memory:' }), {
    log: silentLog,
    defaultMetrics: false,
    now: () => NOW,
  });
}

async function run(bot: Briefbot, line: string, caller: Caller = MANAGER) {
  const result = await dispatch(line, bot.commands, bot.contextFor(caller));
  return { ...result, text: renderText(result.reply.document) };
}

const idOf = (text: string) => /Digest ([0-9a-f]{6}) scheduled/.exec(text)?.[1] ?? '';

describe('/digest', () => {
  it('schedules a weekday brief in the channel, defaulting to the morning template in TZ_DEFAULT', async () => {
    const bot = newBot();
    const { outcome, text, reply } = await run(bot, '/digest add 07:30');
    expect(outcome).toBe('answer');
    expect(reply.visibility).toBe('channel');
    expect(text).toContain('scheduled: morning at 07:30 mon-fri Asia/Tokyo');
    expect(text).toContain('First send Fri 2026-05-01 07:30 JST (Thu 2026-04-30 22:30 UTC)');
    const [stored] = await bot.store.schedules.list('slack', 'C-rates');
    expect(stored).toMatchObject({
      ownerId: 'U-head',
      days: [1, 2, 3, 4, 5],
      nextFireAt: '2026-04-30T22:30:00.000Z',
    });
  });

  it('takes days, zone, template, locale and holidays in any order', async () => {
    const bot = newBot();
    const { text } = await run(bot, '/digest add 08:15 ja mon,wed,fri skip:jp asia/tokyo morning.ja');
    expect(text).toContain('morning.ja (ja) at 08:15 mon,wed,fri Asia/Tokyo, skipping JP market holidays');
    // Fri 1 May is a trading day; Mon 4 and Wed 6 May are Golden Week holidays.
    expect(text).toContain('First send Fri 2026-05-01 08:15 JST');
    const { text: next } = await run(bot, '/digest next');
    expect(next).toContain('Fri 2026-05-01 08:15 JST');
    expect(next).not.toContain('2026-05-04');
    expect(next).not.toContain('2026-05-06');
    expect(next).toContain('Fri 2026-05-08 08:15 JST');
  });

  it('shows the next five sends in the schedule’s zone and in UTC', async () => {
    const bot = newBot();
    const id = idOf((await run(bot, '/digest add 07:30 mon-fri America/New_York close')).text);
    const { text, reply } = await run(bot, `/digest next ${id}`);
    expect(reply.visibility).toBe('ephemeral');
    expect(text).toContain('Next 5 sends');
    for (const line of [
      'Thu 2026-04-30 07:30 EDT  Thu 2026-04-30 11:30 UTC',
      'Fri 2026-05-01 07:30 EDT  Fri 2026-05-01 11:30 UTC',
      'Mon 2026-05-04 07:30 EDT  Mon 2026-05-04 11:30 UTC',
      'Tue 2026-05-05 07:30 EDT',
      'Wed 2026-05-06 07:30 EDT',
    ])
      expect(text).toContain(line);
  });

  it('lists, pauses, resumes and removes, auditing who did what and when', async () => {
    const bot = newBot();
    const id = idOf((await run(bot, '/digest add 07:30 daily')).text);
    expect((await run(bot, '/digest list', MEMBER)).text).toMatch(
      new RegExp(`${id} +07:30 daily Asia/Tokyo +morning .* active +U-head`),
    );
    expect((await run(bot, `/digest pause ${id}`)).text).toContain(`Digest ${id} paused`);
    expect((await run(bot, '/digest list')).text).toContain('paused');
    expect((await run(bot, `/digest pause ${id}`)).text).toContain('already paused');
    expect((await run(bot, `/digest resume ${id}`)).text).toContain('Next send Fri 2026-05-01 07:30 JST');
    expect((await run(bot, `/digest remove ${id}`)).text).toContain(`Digest ${id} removed`);
    expect(await bot.store.schedules.list('slack', 'C-rates')).toEqual([]);
    const log = await bot.store.audit.list({ target: `digest:${id}` });
    expect(log.map((e) => e.action)).toEqual([
      'digest.remove',
      'digest.resume',
      'digest.pause',
      'digest.add',
    ]);
    expect(log[3]).toMatchObject({
      actorId: 'U-head',
      platform: 'slack',
      channelId: 'C-rates',
      at: NOW.toISOString(),
    });
  });

  it('refuses non-managers clearly, but lets them see what is scheduled', async () => {
    const bot = newBot();
    const id = idOf((await run(bot, '/digest add 07:30')).text);
    for (const line of ['/digest add 07:30', `/digest pause ${id}`, `/digest remove ${id}`]) {
      const { outcome, text } = await run(bot, line, MEMBER);
      expect(outcome).toBe('user-error');
      expect(text).toContain('Only channel managers can add or change digests here.');
    }
    expect((await run(bot, '/digest next', MEMBER)).outcome).toBe('answer');
  });

  it('keeps channels apart: another channel cannot see or change this one’s digests', async () => {
    const bot = newBot();
    const id = idOf((await run(bot, '/digest add 07:30')).text);
    const elsewhere = { ...MANAGER, channelId: 'C-other' };
    expect((await run(bot, `/digest remove ${id}`, elsewhere)).text).toContain(
      `There is no digest ${id} in this channel`,
    );
    expect((await run(bot, '/digest list', elsewhere)).text).toContain('No digests in this channel');
  });

  it.each([
    ['/digest add', 'At what time?'],
    ['/digest add 7.30', '"7.30" is not a time of day.'],
    ['/digest add 24:00', '"24:00" is not a time of day.'],
    ['/digest add 07:30 Mars/Olympus', '"Mars/Olympus" is not a time zone.'],
    ['/digest add 07:30 someday', '"someday" is not a day list, time zone, template or locale.'],
    ['/digest add 07:30 skip:uk', '"uk" is not a market calendar.'],
    ['/digest add 07:30 daily mon-fri', 'Two day lists given'],
    ['/digest pause', 'Which digest?'],
    ['/digest', 'What should /digest do?'],
  ])('answers "%s" with what to type instead', async (line, message) => {
    const { outcome, text } = await run(newBot(), line);
    expect(outcome).toBe('user-error');
    expect(text).toContain(message);
  });

  it('refuses the same digest twice in one channel', async () => {
    const bot = newBot();
    await run(bot, '/digest add 07:30 mon-fri');
    const { outcome, text } = await run(bot, '/digest add 07:30 weekdays Asia/Tokyo morning');
    expect(outcome).toBe('user-error');
    expect(text).toContain('already has that digest');
  });

  it('registers with Discord as subcommands that discord.js accepts, and joins back into the grammar', () => {
    const [payload] = discordCommandPayloads(newBot().commands.filter((c) => c.name === 'digest'));
    expect(payload?.options?.map((o) => o.name)).toEqual([
      'add',
      'list',
      'next',
      'pause',
      'resume',
      'remove',
    ]);
    const line = interactionCommandLine(
      'digest',
      [
        {
          type: SUBCOMMAND_OPTION_TYPE,
          name: 'add',
          options: [
            { type: 3, name: 'holidays', value: 'skip:jp' },
            { type: 3, name: 'time', value: '07:30' },
            { type: 3, name: 'zone', value: 'Asia/Tokyo' },
          ],
        },
      ],
      newBot().commands,
    );
    expect(line).toBe('/digest add 07:30 Asia/Tokyo skip:jp');
  });

  it('describes its verbs as Discord subcommands that join back into the same grammar', () => {
    const digest = newBot().commands.find((c) => c.name === 'digest');
    expect(digest?.subcommands?.map((s) => s.name)).toEqual([
      'add',
      'list',
      'next',
      'pause',
      'resume',
      'remove',
    ]);
    expect(digest?.subcommands?.[0]?.options.map((o) => o.name)).toEqual([
      'time',
      'days',
      'zone',
      'template',
      'locale',
      'holidays',
    ]);
  });
});
