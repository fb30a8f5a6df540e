import { Document, isScalar, isSeq } from 'yaml';
import type { Command } from '../../command/command.ts';
import { SLACK_EVENTS_PATH } from './slack-app.ts';

/** Where the manifest points Slack when no public URL is given: replace it before creating the app. */
export const PLACEHOLDER_BASE_URL = 'https://briefbot.example.com';

/**
 * The bot scopes briefbot uses, each with the reason it is needed (printed as a comment in the
 * manifest so whoever installs the app can check the request against what the code does).
 */
export const SLACK_BOT_SCOPES = [
  { scope: 'commands', why: 'the slash commands (/yield, /curve, …)' },
  { scope: 'chat:write', why: 'chat.postMessage: scheduled briefs, alerts and "Post to channel"' },
  {
    scope: 'chat:write.public',
    why: 'post briefs and alerts to public channels without being invited first',
  },
  { scope: 'users:read', why: 'users.info: workspace owners and admins may manage schedules and alerts' },
  {
    scope: 'channels:history',
    why: 'conversations.history: before re-sending a brief after a crash, check it did not already arrive (public channels)',
  },
  { scope: 'groups:history', why: 'the same check in private channels the bot was invited to' },
  {
    scope: 'files:write',
    why: 'upload the curve chart (files.getUploadURLExternal + completeUploadExternal)',
  },
] as const;

/** Slack's limits on slash command fields (app manifest reference). */
const COMMAND_CHARS = 32;
const DESCRIPTION_CHARS = 2_000;
const USAGE_HINT_CHARS = 1_000;

export interface SlackManifestOptions {
  /** Socket Mode: no request URLs, Slack delivers over the app's websocket. */
  readonly socketMode: boolean;
  /** Public scheme and host in front of `POST /slack/events` (HTTP mode only). */
  readonly baseUrl?: string;
  readonly appName?: string;
}

export interface SlackManifest {
  readonly display_information: { name: string; description: string; background_color: string };
  readonly features: {
    bot_user: { display_name: string; always_online: boolean };
    slash_commands: {
      command: string;
      description: string;
      usage_hint?: string;
      url?: string;
      should_escape: boolean;
    }[];
  };
  readonly oauth_config: { scopes: { bot: string[] } };
  readonly settings: {
    interactivity: { is_enabled: boolean; request_url?: string };
    org_deploy_enabled: boolean;
    socket_mode_enabled: boolean;
    token_rotation_enabled: boolean;
  };
}

/** The manifest as data, generated from the command registry: one slash command per command. */
export function buildSlackManifest(
  commands: readonly Command[],
  options: SlackManifestOptions,
): SlackManifest {
  const name = options.appName ?? 'briefbot';
  const url = options.socketMode
    ? undefined
    : `${(options.baseUrl ?? PLACEHOLDER_BASE_URL).replace(/\/+$/, '')}${SLACK_EVENTS_PATH}`;
  return {
    display_information: {
      name,
      description: 'JGB and Treasury yields, metals, oil, crypto, USD/JPY and headlines, with sources.',
      background_color: '#1d2b3a',
    },
    features: {
      bot_user: { display_name: name, always_online: true },
      slash_commands: commands.map((command) => {
        const hint = usageHint(command);
        return {
          command: `/${command.name}`.slice(0, COMMAND_CHARS),
          description: command.summary.slice(0, DESCRIPTION_CHARS),
          ...(hint ? { usage_hint: hint } : {}),
          ...(url ? { url } : {}),
          // Users type tickers and dates, never mentions; unescaped text is what the parser expects.
          should_escape: false,
        };
      }),
    },
    oauth_config: { scopes: { bot: SLACK_BOT_SCOPES.map((s) => s.scope) } },
    settings: {
      interactivity: { is_enabled: true, ...(url ? { request_url: url } : {}) },
      org_deploy_enabled: false,
      socket_mode_enabled: options.socketMode,
      token_rotation_enabled: false,
    },
  };
}

/** The manifest as YAML, each scope commented with why it is needed. */
export function renderSlackManifest(commands: readonly Command[], options: SlackManifestOptions): string {
  const doc = new Document(buildSlackManifest(commands, options));
  doc.commentBefore = [
    ` Slack app manifest for briefbot (${options.socketMode ? 'Socket Mode' : 'HTTP'}).`,
    ' Paste into https://api.slack.com/apps → Create New App → From a manifest.',
    options.socketMode
      ? ' Socket Mode: create an app-level token with connections:write and set SLACK_APP_TOKEN.'
      : ` HTTP: Slack must reach ${SLACK_EVENTS_PATH} on this URL; set SLACK_SIGNING_SECRET.`,
  ].join('\n');
  const bot = doc.getIn(['oauth_config', 'scopes', 'bot'], true);
  if (isSeq(bot)) {
    bot.items.forEach((item, i) => {
      const why = SLACK_BOT_SCOPES[i]?.why;
      if (why && isScalar(item)) item.comment = ` ${why}`;
    });
  }
  return doc.toString({ lineWidth: 0 });
}

/** The usage line without the command itself: "/yield [jp|us] <tenor>" → "[jp|us] <tenor>". */
function usageHint(command: Command): string {
  return command.usage
    .replace(new RegExp(`^/${command.name}\\s*`), '')
    .trim()
    .slice(0, USAGE_HINT_CHARS);
}
