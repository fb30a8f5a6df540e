import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeMarket, startFakeMarket } from '../../support/fake-market.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../../support/fake-slack-api.ts';
import { postToSlackEndpoint, slashCommandBody } from '../../support/fake-slack-request.ts';
import { startServe } from '../../support/serve-process.ts';
import { BOT_TOKEN, SIGNING_SECRET } from './slack-harness.ts';

let market: FakeMarket;
let slack: FakeSlackApi;
beforeAll(async () => {
  market = await startFakeMarket();
  slack = await startFakeSlackApi({ token: BOT_TOKEN });
});
afterAll(async () => {
  await slack.close();
  await market.close();
});

describe('briefbot serve with Slack over HTTP', () => {
  it('serves signed slash commands at POST /slack/events on PORT', async () => {
    const serve = await startServe({
      ...market.env,
      DATABASE_URL: 'sqlite::memory:',
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
    });
    try {
      expect(slack.callsTo('auth.test')).toHaveLength(1);
      const body = slashCommandBody({
        command: '/yield',
        text: '40y 2026-01-20',
        responseUrl: slack.responseUrl(),
      });
      const response = await postToSlackEndpoint(`${serve.baseUrl}/slack/events`, body, {
        secret: SIGNING_SECRET,
      });
      expect(response.status).toBe(200);
      expect(response.text).toContain('JGB 40Y 3.901%');
      expect(serve.logs()).not.toContain(BOT_TOKEN);
      expect(serve.logs()).not.toContain(SIGNING_SECRET);
    } finally {
      await serve.stop();
    }
  }, 30_000);
});
