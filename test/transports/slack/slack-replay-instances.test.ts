import { Writable } from 'node:stream';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/log/logger.ts';
import { createPostgresStore } from '../../../src/store/create-store.ts';
import {
  createTestSchema,
  probePostgres,
  reportSkip,
  type TestSchema,
} from '../../store/postgres-test-database.ts';
import { startFakeMarket } from '../../support/fake-market.ts';
import { startFakeSlackApi } from '../../support/fake-slack-api.ts';
import { postToSlackEndpoint, slashCommandBody } from '../../support/fake-slack-request.ts';
import { startServe } from '../../support/serve-process.ts';
import { BOT_TOKEN, SIGNING_SECRET, type SlackHarness, startSlackHarness } from './slack-harness.ts';

const probe = await probePostgres();
reportSkip('Slack replay guard across instances', probe);

describe.skipIf(!probe.available)('two Slack instances on one PostgreSQL store', () => {
  let schema: TestSchema;
  let one: SlackHarness;
  let two: SlackHarness;
  beforeAll(async () => {
    schema = await createTestSchema();
    // Each instance has its own pool, as two processes would.
    one = await startSlackHarness({ sharedSignatures: createPostgresStore(schema.pool(2)).signatures });
    two = await startSlackHarness({ sharedSignatures: createPostgresStore(schema.pool(2)).signatures });
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
    await schema?.drop();
  });

  const yieldBody = (h: SlackHarness) =>
    slashCommandBody({ command: '/yield', text: '40y', responseUrl: h.slack.responseUrl() });

  it('refuses with 401 at the second instance a request the first already answered', async () => {
    const body = yieldBody(one);
    const first = await postToSlackEndpoint(one.eventsUrl, body, { secret: SIGNING_SECRET });
    expect(first.status).toBe(200);
    expect(first.text).toContain('JGB 40Y');

    const before = two.handled.count;
    const replay = await postToSlackEndpoint(two.eventsUrl, body, {
      secret: SIGNING_SECRET,
      headers: first.headers,
    });
    expect(replay.status).toBe(401);
    expect(two.handled.count).toBe(before);
  });

  it('still answers every new request at either instance', async () => {
    for (const h of [one, two, one]) {
      const response = await postToSlackEndpoint(h.eventsUrl, yieldBody(h), { secret: SIGNING_SECRET });
      expect(response.status).toBe(200);
    }
  });
});

describe.skipIf(!probe.available)('two `briefbot serve` processes on one PostgreSQL DATABASE_URL', () => {
  it('refuse at one a request the other already answered', async () => {
    const schema = await createTestSchema();
    const market = await startFakeMarket();
    const slack = await startFakeSlackApi({ token: BOT_TOKEN });
    const env = {
      ...market.env,
      DATABASE_URL: schema.url,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
    };
    const [a, b] = await Promise.all([startServe(env), startServe(env)]);
    try {
      const body = slashCommandBody({ command: '/yield', text: '40y', responseUrl: slack.responseUrl() });
      const first = await postToSlackEndpoint(`${a.baseUrl}/slack/events`, body, { secret: SIGNING_SECRET });
      expect(first.status).toBe(200);
      const replay = await postToSlackEndpoint(`${b.baseUrl}/slack/events`, body, {
        secret: SIGNING_SECRET,
        headers: first.headers,
      });
      expect(replay.status).toBe(401);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await Promise.all([slack.close(), market.close()]);
      await schema.drop();
    }
  }, 60_000);
});

describe('an instance whose shared store cannot be reached', () => {
  it('answers the request and logs that it could not check other instances', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    // Nothing listens on port 1: every query fails at once.
    const unreachable = new pg.Pool({ connectionString: 'postgres://postgres@127.0.0.1:1/none' });
    const h = await startSlackHarness({
      sharedSignatures: createPostgresStore(unreachable).signatures,
      log: createLogger('warn', stream),
    });
    try {
      const body = slashCommandBody({ command: '/yield', text: '40y', responseUrl: h.slack.responseUrl() });
      const first = await postToSlackEndpoint(h.eventsUrl, body, { secret: SIGNING_SECRET });
      expect(first.status).toBe(200);
      expect(
        lines.some((line) => line.includes('could not check the Slack request against other instances')),
      ).toBe(true);
      // The instance's own memory still refuses the replay.
      const replay = await postToSlackEndpoint(h.eventsUrl, body, {
        secret: SIGNING_SECRET,
        headers: first.headers,
      });
      expect(replay.status).toBe(401);
    } finally {
      await h.close();
      await unreachable.end();
    }
  });
});
