import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../src/store/create-store.ts';
import { type FakeMarket, startFakeMarket } from '../support/fake-market.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../support/fake-slack-api.ts';
import { spawnInstance } from './child-instance.ts';
import { schedule } from './scheduler-harness.ts';

const TOKEN = 'xoxb-crash-test';
const FIRE = '2026-04-30T22:30:00.000Z';
const CHANNELS = 100;

let market: FakeMarket;
let slack: FakeSlackApi;
let dir: string;
// Every process in this test lives 2 s after the fire time, at real speed.
const offsetMs = Date.parse(FIRE) + 2_000 - Date.now();
beforeAll(async () => {
  market = await startFakeMarket();
  slack = await startFakeSlackApi({ token: TOKEN, clock: () => Date.now() + offsetMs });
  dir = mkdtempSync(join(tmpdir(), 'briefbot-crash-'));
});
afterAll(async () => {
  await market.close();
  await slack.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a scheduler killed in the middle of a fan-out', () => {
  it('delivers the rest after a restart and repeats none: every channel gets exactly one brief', async () => {
    const databaseUrl = `sqlite:${join(dir, 'briefbot.db')}`;
    const seed = createSqliteStore(join(dir, 'briefbot.db'));
    for (let i = 0; i < CHANNELS; i += 1) {
      await seed.schedules.add(schedule(`s${String(i).padStart(3, '0')}`, { nextFireAt: FIRE }));
    }
    await seed.close();
    // Slow enough that the kill lands with sends in flight, some accepted by Slack but not yet recorded.
    slack.delay('chat.postMessage', 15);
    const env = {
      ...market.env,
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl,
      SLACK_BOT_TOKEN: TOKEN,
      SLACK_API_URL: slack.apiUrl,
      OFFSET_MS: String(offsetMs),
      LEASE_MS: '1500',
      CONCURRENCY: '8',
      TICK_MS: '200',
    };

    const first = spawnInstance({ ...env, INSTANCE_ID: 'first' });
    await first.ready;
    first.start();
    await slack.waitFor(() => slack.posted.length >= 40, 20_000);
    await first.kill();
    const postedBeforeKill = slack.posted.length;
    expect(postedBeforeKill).toBeLessThan(CHANNELS);

    const second = spawnInstance({ ...env, INSTANCE_ID: 'second' });
    await second.ready;
    second.start();
    await slack.waitFor(() => new Set(slack.posted.map((p) => p.channel)).size === CHANNELS, 20_000);
    // Long enough for any stale claim to expire and be looked at again.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const stats = await second.stop();

    const perChannel = new Map<string, number>();
    for (const p of slack.posted) perChannel.set(p.channel, (perChannel.get(p.channel) ?? 0) + 1);
    expect(perChannel.size).toBe(CHANNELS);
    expect([...perChannel.values()].filter((n) => n !== 1)).toEqual([]);

    const store = createSqliteStore(join(dir, 'briefbot.db'));
    const rows = await store.deliveries.list({});
    await store.close();
    expect(rows).toHaveLength(CHANNELS);
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    // The second instance took over what the first had claimed and not finished.
    const takenOver = rows.filter((r) => r.attempts > 1);
    expect(takenOver.length).toBeGreaterThan(0);
    expect(slack.callsTo('conversations.history').length).toBe(takenOver.length);
    console.info(
      `crash test: ${postedBeforeKill} posted before SIGKILL, ${takenOver.length} claims taken over, ` +
        `${stats.recovered} of them found already posted (not resent), ${stats.sent} sent after restart`,
    );
  }, 60_000);
});
