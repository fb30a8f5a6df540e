import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresStore } from '../../src/store/create-store.ts';
import {
  createTestSchema,
  probePostgres,
  reportSkip,
  type TestSchema,
} from '../store/postgres-test-database.ts';
import { type FakeMarket, startFakeMarket } from '../support/fake-market.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../support/fake-slack-api.ts';
import { spawnInstance } from './child-instance.ts';
import { schedule } from './scheduler-harness.ts';

const TOKEN = 'xoxb-two-instances';
const FIRE = '2026-04-30T22:30:00.000Z';
const SCHEDULES = 200;

const probe = await probePostgres();
reportSkip('two instances on one PostgreSQL', probe);

describe.skipIf(!probe.available)('two instances sharing one PostgreSQL', () => {
  let market: FakeMarket;
  let slack: FakeSlackApi;
  let schema: TestSchema;
  const offsetMs = Date.parse(FIRE) + 2_000 - Date.now();
  beforeAll(async () => {
    market = await startFakeMarket();
    slack = await startFakeSlackApi({ token: TOKEN, clock: () => Date.now() + offsetMs });
    schema = await createTestSchema('briefbot_two');
  });
  afterAll(async () => {
    await market?.close();
    await slack?.close();
    await schema?.drop();
  });

  it('deliver 200 schedules due at once exactly 200 times, sharing the work', async () => {
    const seed = createPostgresStore(schema.pool(2));
    for (let i = 0; i < SCHEDULES; i += 1) {
      await seed.schedules.add(schedule(`t${String(i).padStart(3, '0')}`, { nextFireAt: FIRE }));
    }
    // Slow enough that neither instance can finish everything before the other starts.
    slack.delay('chat.postMessage', 20);
    const env = {
      ...market.env,
      LOG_LEVEL: 'warn',
      DATABASE_URL: schema.url,
      SLACK_BOT_TOKEN: TOKEN,
      SLACK_API_URL: slack.apiUrl,
      OFFSET_MS: String(offsetMs),
      LEASE_MS: '30000',
      CONCURRENCY: '8',
      TICK_MS: '100',
    };
    const instances = [
      spawnInstance({ ...env, INSTANCE_ID: 'one' }),
      spawnInstance({ ...env, INSTANCE_ID: 'two' }),
    ];
    await Promise.all(instances.map((i) => i.ready));
    for (const instance of instances) instance.start();
    await slack.waitFor(() => slack.posted.length >= SCHEDULES, 30_000);
    // Both keep ticking a while longer: any double delivery would show up now.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const stats = await Promise.all(instances.map((i) => i.stop()));

    expect(slack.posted).toHaveLength(SCHEDULES);
    expect(new Set(slack.posted.map((p) => p.channel)).size).toBe(SCHEDULES);
    const rows = await seed.deliveries.list({});
    expect(rows).toHaveLength(SCHEDULES);
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
    const byInstance = new Map<string, number>();
    for (const r of rows) byInstance.set(r.claimedBy ?? '', (byInstance.get(r.claimedBy ?? '') ?? 0) + 1);
    expect([...byInstance.keys()].sort()).toEqual(['one', 'two']);
    expect(stats.reduce((sum, s) => sum + (s.sent ?? 0), 0)).toBe(SCHEDULES);
    console.info(`two instances: ${[...byInstance].map(([id, n]) => `${id} sent ${n}`).join(', ')}`);
  }, 60_000);
});
