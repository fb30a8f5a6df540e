import type { Service, ServiceFactory } from '../../serve/service.ts';
import { createSlackApp, SLACK_EVENTS_PATH } from './slack-app.ts';
import { createSlackChannelPoster } from './slack-channel-poster.ts';
import { createSlackWebClient } from './slack-web-client.ts';

/**
 * Slack for `briefbot serve`, when `SLACK_BOT_TOKEN` is set: Socket Mode with `SLACK_APP_TOKEN`,
 * otherwise HTTP at `POST /slack/events` with `SLACK_SIGNING_SECRET`. With the bot token alone the
 * service still registers the channel poster, so scheduled briefs and alerts go out, but no
 * command can reach it; it says so at start and reports itself degraded.
 */
export const createSlackService: ServiceFactory = ({ bot, http }) => {
  const config = bot.config;
  const token = config.SLACK_BOT_TOKEN;
  if (!token) return undefined;
  const log = bot.log.child({ service: 'slack' });

  if (!config.SLACK_APP_TOKEN && !config.SLACK_SIGNING_SECRET) {
    const client = createSlackWebClient({ token, apiUrl: config.SLACK_API_URL, log, posts: true });
    return postOnlyService(() => bot.posters.register(createSlackChannelPoster({ client, log })), log);
  }

  const slack = createSlackApp({
    botToken: token,
    ...(config.SLACK_APP_TOKEN ? { appToken: config.SLACK_APP_TOKEN } : {}),
    ...(config.SLACK_SIGNING_SECRET ? { signingSecret: config.SLACK_SIGNING_SECRET } : {}),
    apiUrl: config.SLACK_API_URL,
    managerIds: config.SLACK_MANAGER_IDS,
    commands: bot.commands,
    contextFor: bot.contextFor,
    log,
    // Several instances share a PostgreSQL store; a SQLite file belongs to one instance.
    ...(bot.store.engine === 'postgres' ? { sharedSignatures: bot.store.signatures } : {}),
  });
  // Routes go on before the server listens; run-serve starts services first.
  if (slack.requestHandler) http.route('POST', SLACK_EVENTS_PATH, slack.requestHandler);
  let state: 'starting' | 'ready' | 'stopped' = 'starting';
  return {
    name: slack.mode === 'socket' ? 'slack-socket-mode' : 'slack-http',
    async start() {
      await slack.start();
      bot.posters.register(slack.poster);
      state = 'ready';
      log.info({ mode: slack.mode }, 'slack ready');
    },
    async stop() {
      state = 'stopped';
      await slack.stop();
    },
    status() {
      if (state === 'ready' && !slack.connected())
        return { state: 'degraded', detail: 'socket reconnecting' };
      return { state };
    },
  };
};

function postOnlyService(register: () => void, log: { warn(msg: string): void }): Service {
  return {
    name: 'slack-post-only',
    async start() {
      register();
      log.warn(
        'SLACK_BOT_TOKEN is set without SLACK_SIGNING_SECRET or SLACK_APP_TOKEN: briefs and alerts are posted, slash commands are not served',
      );
    },
    async stop() {},
    status: () => ({ state: 'degraded', detail: 'no SLACK_SIGNING_SECRET or SLACK_APP_TOKEN: commands off' }),
  };
}
