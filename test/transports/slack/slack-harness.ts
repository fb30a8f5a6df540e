import { webApi } from '@slack/bolt';
import { createBriefbot } from '../../../src/app.ts';
import type { Command } from '../../../src/command/command.ts';
import { loadConfig } from '../../../src/config/config.ts';
import { createHttpServer, type HttpServer } from '../../../src/http/http-server.ts';
import { createLogger, type Logger } from '../../../src/log/logger.ts';
import type { SeenSignatures } from '../../../src/store/store.ts';
import { createSlackApp, SLACK_EVENTS_PATH, type SlackApp } from '../../../src/transports/slack/slack-app.ts';
import { type FakeMarket, startFakeMarket } from '../../support/fake-market.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../../support/fake-slack-api.ts';

export const BOT_TOKEN = 'xoxb-0001-briefbot-test';
export const SIGNING_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
export const APP_TOKEN = 'xapp-test-fake-app-token';

export interface SlackHarness {
  readonly market: FakeMarket;
  readonly slack: FakeSlackApi;
  readonly slackApp: SlackApp;
  /** `http://127.0.0.1:PORT/slack/events` (HTTP mode). */
  readonly eventsUrl: string;
  /** Events Bolt passed on to its middleware: stays 0 when a request is refused at the door. */
  readonly handled: { count: number };
  close(): Promise<void>;
}

export interface HarnessOptions {
  readonly ackBudgetMs?: number;
  readonly managerIds?: readonly string[];
  /** Socket Mode: the URL apps.connections.open hands out. */
  readonly socketUrl?: string;
  /** Serve these instead of the registry (to reply with an image or a very long document). */
  readonly commands?: readonly Command[];
  /** The signatures shared by instances on one PostgreSQL store. */
  readonly sharedSignatures?: SeenSignatures;
  readonly log?: Logger;
}

/** The real Bolt app on loopback, with a fake Slack Web API and a fake market behind it. */
export async function startSlackHarness(options: HarnessOptions = {}): Promise<SlackHarness> {
  const log = options.log ?? createLogger('silent');
  const market = await startFakeMarket();
  const slack = await startFakeSlackApi({ token: BOT_TOKEN, appToken: APP_TOKEN });
  const config = loadConfig({ ...market.env, SLACK_API_URL: slack.apiUrl });
  const bot = createBriefbot(config, { log, defaultMetrics: false });
  if (options.socketUrl) slack.setSocketModeUrl(options.socketUrl);
  const handled = { count: 0 };
  const slackApp = createSlackApp({
    botToken: BOT_TOKEN,
    ...(options.socketUrl ? { appToken: APP_TOKEN } : { signingSecret: SIGNING_SECRET }),
    apiUrl: config.SLACK_API_URL,
    managerIds: options.managerIds ?? [],
    commands: options.commands ?? bot.commands,
    contextFor: bot.contextFor,
    log,
    retryConfig: { ...webApi.retryPolicies.rapidRetryPolicy, retries: 2 },
    middleware: [
      async ({ next }) => {
        handled.count += 1;
        await next();
      },
    ],
    ...(options.ackBudgetMs === undefined ? {} : { ackBudgetMs: options.ackBudgetMs }),
    ...(options.sharedSignatures ? { sharedSignatures: options.sharedSignatures } : {}),
  });
  let http: HttpServer | undefined;
  let eventsUrl = '';
  const handler = slackApp.requestHandler;
  if (handler) {
    http = createHttpServer(log);
    http.route('POST', SLACK_EVENTS_PATH, handler);
    const { port } = await http.listen(0, '127.0.0.1');
    eventsUrl = `http://127.0.0.1:${port}${SLACK_EVENTS_PATH}`;
  }
  await slackApp.start();
  return {
    market,
    slack,
    slackApp,
    eventsUrl,
    handled,
    async close() {
      await slackApp.stop();
      await http?.close();
      await slack.close();
      await market.close();
    },
  };
}
