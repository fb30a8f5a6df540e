import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlertChecker } from '../../src/alerts/alert-checker.ts';
import { type AlertRepository, createMemoryAlertRepository } from '../../src/alerts/alert-repository.ts';
import type { AlertRule } from '../../src/alerts/alert-rule.ts';
import { createMemoryPriceHistory } from '../../src/alerts/observe-subject.ts';
import { createBriefbot } from '../../src/app.ts';
import type { CommandContext } from '../../src/command/command.ts';
import { dispatch } from '../../src/command/dispatch.ts';
import { loadConfig } from '../../src/config/config.ts';
import type { ChannelPoster } from '../../src/delivery/channel-poster.ts';
import { createPosterRegistry } from '../../src/delivery/poster-registry.ts';
import type { Document } from '../../src/domain/document.ts';
import { createLogger } from '../../src/log/logger.ts';
import { renderText } from '../../src/render/render-text.ts';
import { CONSOLE_CALLER } from '../../src/transports/console-transport.ts';
import { type FakeMarket, startFakeMarket } from '../support/fake-market.ts';

let market: FakeMarket;
beforeAll(async () => {
  market = await startFakeMarket();
});
afterAll(() => market.close());

/** A channel poster test double: records what would have been posted. */
function recordingPoster(): ChannelPoster & { posts: { channelId: string; document: Document }[] } {
  const posts: { channelId: string; document: Document }[] = [];
  return {
    platform: 'slack',
    posts,
    async post(channelId, document) {
      posts.push({ channelId, document });
      return { messageIds: [String(posts.length)] };
    },
  };
}

function setup(repository: AlertRepository = createMemoryAlertRepository()) {
  const bot = createBriefbot(loadConfig(market.env), { log: createLogger('silent'), defaultMetrics: false });
  const poster = recordingPoster();
  const posters = createPosterRegistry();
  posters.register(poster);
  const checker = createAlertChecker({
    repository,
    market: bot.market,
    prices: createMemoryPriceHistory(),
    posters,
    log: bot.log,
    sigmaWindowDays: 60,
    now: () => new Date('2026-05-01T00:00:00Z'),
  });
  return { bot, poster, checker, repository };
}

const MANAGER = { platform: 'slack' as const, userId: 'U1', channelId: 'C42', isManager: true };

/** The bot's context with the test's alert repository: derived, not spread, so `log` stays. */
function withAlerts(context: CommandContext, alerts: AlertRepository): CommandContext {
  return Object.assign(Object.create(context) as CommandContext, { alerts });
}

describe('alert checker', () => {
  it('posts a crossing to the channel where the alert was created, with the figure and source, once', async () => {
    const { bot, poster, checker, repository } = setup();
    const context = withAlerts(bot.contextFor(MANAGER), repository);
    const added = await dispatch('/alert add 40y above 3.7', bot.commands, context);
    expect(added.outcome).toBe('answer');

    // After a refresh of other data, this alert is not looked at; after the JGB curve's, it fires.
    expect(await checker.checkAll(['quote:gold', 'curve:us'])).toHaveLength(0);
    expect(poster.posts).toHaveLength(0);
    expect(await checker.checkAll(['curve:jp'])).toHaveLength(1);
    expect(poster.posts).toHaveLength(1);
    const text = renderText(poster.posts[0]?.document ?? { title: '', blocks: [], footer: [] });
    expect(poster.posts[0]?.channelId).toBe('C42');
    expect(text).toContain('Alert: JGB 40Y above 3.7%');
    // Its own id in the title: two alerts on the same figure never look alike in the channel.
    expect(poster.posts[0]?.document.title).toMatch(/^Alert: JGB 40Y above 3\.7% · [0-9a-f]{6}$/);
    expect(text).toContain('3.743%');
    expect(text).toContain('Source: Ministry of Finance Japan');

    expect(await checker.checkAll()).toHaveLength(0);
    expect(poster.posts).toHaveLength(1);
  });

  it('does not fire again after a restart, because the state is stored before posting', async () => {
    const repository = createMemoryAlertRepository();
    const first = setup(repository);
    await dispatch('/alert add 10y above 2.5', first.bot.commands, {
      ...first.bot.contextFor(MANAGER),
      alerts: repository,
    });
    expect(await first.checker.checkAll()).toHaveLength(1);
    const restarted = setup(repository);
    expect(await restarted.checker.checkAll()).toHaveLength(0);
    expect(restarted.poster.posts).toHaveLength(0);
  });

  it('fires once when two instances evaluate the same alert at the same moment', async () => {
    const repository = createMemoryAlertRepository();
    const a = setup(repository);
    const b = setup(repository);
    await dispatch('/alert add 30y above 3.7', a.bot.commands, {
      ...a.bot.contextFor(MANAGER),
      alerts: repository,
    });
    const [fromA, fromB] = await Promise.all([a.checker.checkAll(), b.checker.checkAll()]);
    expect(fromA.length + fromB.length).toBe(1);
    expect(a.poster.posts.length + b.poster.posts.length).toBe(1);
  });

  it('refuses /alert add from someone who is not a manager, and lets anyone list', async () => {
    const { bot, repository } = setup();
    const member = withAlerts(bot.contextFor({ ...MANAGER, isManager: false }), repository);
    const refused = await dispatch('/alert add 40y above 4', bot.commands, member);
    expect(refused.outcome).toBe('user-error');
    expect(renderText(refused.reply.document)).toContain('Only channel managers');
    expect((await dispatch('/alert list', bot.commands, member)).outcome).toBe('answer');
  });

  it.each([
    ['/alert add 12y above 4', 'There is no 12Y'],
    ['/alert add 40y above', 'above needs a level'],
    ['/alert add gold move 10bp', 'measured in %'],
    ['/alert add 40y move 2%', 'measured in bp'],
    ['/alert add 40y sideways 3', 'not an alert condition'],
    ['/alert frobnicate', 'not an /alert action'],
    ['/alert remove nope', 'There is no alert nope'],
  ])('answers %s with a hint', async (line, message) => {
    const { bot, repository } = setup();
    const result = await dispatch(line, bot.commands, withAlerts(bot.contextFor(MANAGER), repository));
    expect(result.outcome).toBe('user-error');
    expect(renderText(result.reply.document)).toContain(message);
  });
});

describe('alert messages', () => {
  it('say which extreme a record alert saw, with its date', async () => {
    const { alertDocument } = await import('../../src/alerts/alert-checker.ts');
    const rule = {
      id: 'r1',
      platform: 'slack',
      channelId: 'C1',
      createdBy: 'U1',
      createdAt: '2026-01-01T00:00:00Z',
      subject: { kind: 'yield' as const, market: 'jp' as const, tenor: '10y' as const },
      condition: { kind: 'record' as const, years: 20 },
    };
    const observation = {
      key: '2026-01-20',
      value: 2.33,
      change: 6.4,
      highest: { since: '1999-02-05', record: false },
      lowest: { since: '2026-01-19', record: false },
      asOf: '2026-01-20',
      source: 'Ministry of Finance Japan',
    };
    const text = renderText(alertDocument(rule, observation, 'high'));
    expect(text).toContain('Highest since 1999-02-05');
    expect(text).toContain('+6.4 bp');

    const us = {
      ...rule,
      subject: { kind: 'yield' as const, market: 'us' as const, tenor: '10y' as const },
      condition: { kind: 'record' as const, years: 1 },
    };
    const usTop = { ...observation, highest: { since: '2025-01-02', record: false, atLeast: true } };
    const usText = renderText(alertDocument(us, usTop, 'high'));
    expect(usText).toContain('Highest in the loaded history (since at least 2025-01-02)');
    expect(usText).not.toMatch(/record/i);
  });

  it('promise a post in a channel, but say in the console that nothing will be posted later', async () => {
    const { bot } = setup();
    const inSlack = await dispatch('/alert add 40y above 4.2', bot.commands, bot.contextFor(MANAGER));
    expect(renderText(inSlack.reply.document)).toContain('I will post here when this happens');
    const inConsole = renderText(
      (await dispatch('/alert add 40y above 4.2', bot.commands, bot.contextFor(CONSOLE_CALLER))).reply
        .document,
    );
    expect(inConsole).toContain('Alert saved: JGB 40Y above 4.2%');
    expect(inConsole).toContain('the console posts nothing later');
    const digest = await dispatch('/digest add 07:30 weekdays', bot.commands, bot.contextFor(CONSOLE_CALLER));
    expect(renderText(digest.reply.document)).toContain('the console posts nothing later');
  });

  it('refuse a series-record alert on a US Treasury tenor, whose history is only partly loaded', async () => {
    const { bot } = setup();
    const result = await dispatch('/alert add us 10y record', bot.commands, bot.contextFor(MANAGER));
    expect(result.outcome).toBe('user-error');
    expect(renderText(result.reply.document)).toContain('/alert add us 10y record 1y');
    const stretch = await dispatch('/alert add us 10y record 1y', bot.commands, bot.contextFor(MANAGER));
    expect(stretch.outcome).toBe('answer');
    const tooLong = await dispatch('/alert add us 10y record 5y', bot.commands, bot.contextFor(MANAGER));
    expect(tooLong.outcome).toBe('user-error');
    expect(renderText(tooLong.reply.document)).toContain('a 5-year stretch could never be seen');
  });

  it('saved before that refusal, are marked in /alert list with their replacement, and logged once', async () => {
    const repository = createMemoryAlertRepository();
    const saved = (id: string, condition: AlertRule['condition']): AlertRule => ({
      id,
      platform: 'slack',
      channelId: 'C42',
      createdBy: 'U1',
      createdAt: '2026-01-05T00:00:00Z',
      subject: { kind: 'yield', market: 'us', tenor: '10y' },
      condition,
    });
    await repository.add(saved('a1', { kind: 'record' }));
    await repository.add(saved('a2', { kind: 'record', years: 5 }));
    await repository.add(saved('a3', { kind: 'record', years: 1 }));
    // Saved before the refusal too, but a stretch the two loaded years can reach late in the year.
    await repository.add(saved('a4', { kind: 'record', years: 1.5 }));
    const lines: string[] = [];
    const log = createLogger(
      'warn',
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
          done();
        },
      }),
    );
    const { bot } = setup(repository);
    const checker = createAlertChecker({
      repository,
      market: bot.market,
      prices: createMemoryPriceHistory(),
      posters: createPosterRegistry(),
      log,
      sigmaWindowDays: 60,
      now: () => new Date('2026-05-01T00:00:00Z'),
    });

    const listed = await dispatch(
      '/alert list',
      bot.commands,
      withAlerts(bot.contextFor(MANAGER), repository),
    );
    const text = renderText(listed.reply.document);
    const row = (id: string) => text.split('\n').find((line) => line.startsWith(id)) ?? '';
    expect(row('a1')).toMatch(/UST 10Y sets a series record\s+U1\s+cannot fire$/);
    expect(row('a2')).toMatch(/UST 10Y highest or lowest in 5 years\s+U1\s+cannot fire$/);
    expect(row('a3')).toMatch(/UST 10Y highest or lowest in 1 year\s+U1$/);
    expect(row('a4')).toMatch(/UST 10Y highest or lowest in 1\.5 years\s+U1$/);
    expect(text).toContain(
      'Alert a1 cannot fire: briefbot loads only the last year or two of the US Treasury curve',
    );
    expect(text).toContain('Replace it with /alert remove a2, then /alert add us 10y record 1y.');

    await checker.checkAll();
    await checker.checkAll();
    const warnings = lines.map((line) => JSON.parse(line) as { ruleId?: string; msg: string });
    const dead = warnings.filter((w) => w.msg.startsWith('alert cannot fire'));
    expect(dead.map((w) => w.ruleId)).toEqual(['a1', 'a2']);
  });
});
