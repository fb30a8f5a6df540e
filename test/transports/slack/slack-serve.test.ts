import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeMarket, startFakeMarket } from '../../support/fake-market.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../../support/fake-slack-api.ts';
import { postToSlackEndpoint, slashCommandBody } from '../../support/fake-slack-request.ts';
import { BOT_TOKEN, SIGNING_SECRET } from './slack-harness.ts';

const BIN = fileURLToPath(new URL('../../../bin/briefbot.js', import.meta.url));

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
    const child = spawn(process.execPath, [BIN, 'serve'], {
      env: {
        PATH: process.env.PATH ?? '',
        ...market.env,
        LOG_LEVEL: 'info',
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: 'sqlite::memory:',
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let logs = '';
    try {
      const port = await new Promise<number>((resolve, reject) => {
        child.stderr.on('data', (chunk: Buffer) => {
          logs += chunk.toString();
          const ready = /"port":(\d+)[^\n]*"msg":"briefbot ready"/.exec(logs);
          if (ready) resolve(Number(ready[1]));
        });
        child.on('exit', (code) => reject(new Error(`exited early with ${code}: ${logs}`)));
      });
      expect(slack.callsTo('auth.test')).toHaveLength(1);
      const body = slashCommandBody({
        command: '/yield',
        text: '40y 2026-01-20',
        responseUrl: slack.responseUrl(),
      });
      const response = await postToSlackEndpoint(`http://127.0.0.1:${port}/slack/events`, body, {
        secret: SIGNING_SECRET,
      });
      expect(response.status).toBe(200);
      expect(response.text).toContain('JGB 40Y 3.901%');
      expect(logs).not.toContain(BOT_TOKEN);
      expect(logs).not.toContain(SIGNING_SECRET);
    } finally {
      const exit = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      await exit;
    }
  }, 30_000);
});
