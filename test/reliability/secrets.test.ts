import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBriefbot } from '../../src/app.ts';
import { dispatch } from '../../src/command/dispatch.ts';
import { loadConfig } from '../../src/config/config.ts';
import { createLogger, serializeError } from '../../src/log/logger.ts';
import { createHttpClient } from '../../src/sources/http-client.ts';
import { CONSOLE_CALLER } from '../../src/transports/console-transport.ts';
import { type FakeMarket, startFakeMarket } from '../support/fake-market.ts';
import { runCli } from '../support/run-cli.ts';

/** Every secret set to a unique marker; no log line may ever contain one. */
const SECRETS = {
  SLACK_BOT_TOKEN: 'xoxb-marker-slack-bot-0001',
  SLACK_SIGNING_SECRET: 'marker-signing-secret-0002',
  SLACK_APP_TOKEN: 'xapp-marker-app-0003',
  DISCORD_TOKEN: 'marker.discord.token-0004',
  OPENAI_API_KEY: 'sk-marker-openai-0005',
  COINGECKO_API_KEY: 'marker-coingecko-0006',
  DATABASE_URL: 'postgres://marker-user:marker-password-0007@127.0.0.1:1/none',
} as const;
const MARKERS = Object.values(SECRETS).map((v) => v.replace(/^postgres:\/\/[^:]+:/, '').split('@')[0] ?? v);

let market: FakeMarket;
beforeAll(async () => {
  market = await startFakeMarket();
});
afterAll(() => market.close());

function capture(): { stream: Writable; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { stream, lines };
}

describe('secrets in logs', () => {
  it('never appear at trace level while commands succeed and sources fail', async () => {
    const { stream, lines } = capture();
    const env = {
      ...market.env,
      LOG_LEVEL: 'trace',
      KRAKEN_BASE_URL: 'http://127.0.0.1:9',
      BINANCE_BASE_URL: 'http://127.0.0.1:9',
      COINGECKO_BASE_URL: 'http://127.0.0.1:9',
    };
    const { SLACK_BOT_TOKEN: _s, SLACK_APP_TOKEN: _a, DISCORD_TOKEN: _d, ...withoutPlatforms } = SECRETS;
    const bot = createBriefbot(loadConfig({ ...env, ...withoutPlatforms }), {
      log: createLogger('trace', stream),
      defaultMetrics: false,
    });
    for (const line of ['/yield 40y', '/price xrp', '/price gold', '/headlines', '/yield 12y', '/nonsense']) {
      await dispatch(line, bot.commands, bot.contextFor(CONSOLE_CALLER));
    }
    expect(lines.length).toBeGreaterThan(0);
    for (const marker of MARKERS) expect(lines.join('\n')).not.toContain(marker);
  });

  it('never appear in the CLI’s logs or output, whatever the command', async () => {
    const env = {
      ...market.env,
      ...SECRETS,
      LOG_LEVEL: 'trace',
      COINGECKO_BASE_URL: 'http://127.0.0.1:9',
      KRAKEN_BASE_URL: 'http://127.0.0.1:9',
    };
    for (const command of ['/price xrp', '/yield 40y', '/help']) {
      const result = await runCli(['ask', command], env);
      for (const marker of MARKERS) {
        expect(result.stderr).not.toContain(marker);
        expect(result.stdout).not.toContain(marker);
      }
    }
  });

  it('strips request headers from HTTP client errors before they are logged', async () => {
    const http = createHttpClient({ timeoutMs: 200, retries: 0 });
    const error = await http
      .getJson('http://127.0.0.1:9/api', {
        source: 'test',
        headers: { 'x-cg-demo-api-key': SECRETS.COINGECKO_API_KEY },
      })
      .catch((e: unknown) => e);
    expect(JSON.stringify(serializeError(error))).not.toContain(SECRETS.COINGECKO_API_KEY);
  });
});
