import {
  type AnyMiddlewareArgs,
  App,
  HTTPReceiver,
  type Middleware,
  type Receiver,
  SocketModeReceiver,
} from '@slack/bolt';
import { POST_BRIEF_ACTION_ID } from '../../../commands/brief.ts';
import { DEFAULT_TEMPLATE } from '../../briefing/brief-for.ts';
import { loadTemplateLibrary } from '../../briefing/template-library.ts';
import type { Caller, Command, CommandContext } from '../../command/command.ts';
import type { ChannelPoster } from '../../delivery/channel-poster.ts';
import { MAX_BODY_BYTES, type RouteHandler } from '../../http/http-server.ts';
import type { Logger } from '../../log/logger.ts';
import type { SeenSignatures } from '../../store/store.ts';
import type { PacerClock } from './channel-pacer.ts';
import {
  DIGEST_MODAL_CALLBACK_ID,
  digestModalSubmission,
  digestModalView,
  openDigestModal,
} from './digest-modal.ts';
import { type ButtonActionArgs, postBriefAction } from './post-brief-action.ts';
import {
  answerRefusedReplays,
  createReplayGuard,
  refuseReplays,
  replayRefusal,
  sharedReplayCheck,
  signatureProperties,
} from './replay-guard.ts';
import { createSlackChannelPoster, uploadImages } from './slack-channel-poster.ts';
import { slackLogger } from './slack-logger.ts';
import { createSlackManagerCheck } from './slack-manager-check.ts';
import { ephemeralText, respondArgs } from './slack-reply.ts';
import { type ActionArgs, slackRouter } from './slack-router.ts';
import {
  createSlackWebClient,
  type RetryOptions,
  slackClientOptions,
  type WebClient,
} from './slack-web-client.ts';
import { slashCommandHandler } from './slash-commands.ts';

/** Where Slack sends slash commands and interactions in HTTP mode (the manifest's request URL). */
export const SLACK_EVENTS_PATH = '/slack/events';

export interface SlackAppOptions {
  readonly botToken: string;
  /** HTTP mode: requests at `POST /slack/events`, verified with this secret. */
  readonly signingSecret?: string;
  /** Socket Mode, preferred when set: no public URL needed. */
  readonly appToken?: string;
  /** `SLACK_API_URL` */
  readonly apiUrl: string;
  /** `SLACK_MANAGER_IDS` */
  readonly managerIds: readonly string[];
  readonly commands: readonly Command[];
  readonly contextFor: (caller: Caller) => CommandContext;
  readonly log: Logger;
  readonly retryConfig?: RetryOptions;
  readonly ackBudgetMs?: number;
  /** Drives the per-channel pacer; tests pass a manual clock. */
  readonly clock?: PacerClock;
  /** Wall clock in ms for the replay guard. */
  readonly now?: () => number;
  /**
   * Signatures shared by every instance on one PostgreSQL store, so a request one instance took
   * is refused by the others too. Without it, each instance remembers its own.
   */
  readonly sharedSignatures?: SeenSignatures;
  /**
   * Global middleware run after the replay check and before routing, for every request Bolt has
   * accepted (observability hooks; the tests count accepted requests with one).
   */
  readonly middleware?: readonly Middleware<AnyMiddlewareArgs>[];
}

export interface SlackApp {
  readonly mode: 'http' | 'socket';
  readonly app: App;
  readonly client: WebClient;
  readonly poster: ChannelPoster;
  /** HTTP mode only: the handler to mount at `POST /slack/events`. */
  readonly requestHandler: RouteHandler | undefined;
  /** Checks the bot token (auth.test); in Socket Mode, also opens the connection. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Socket Mode connection state; HTTP mode is always "ready" once started. */
  connected(): boolean;
}

/**
 * The Slack transport on Bolt: every registry command as its own slash command, the "Post to
 * channel" action, and a channel poster, with Web API clients pointed at `SLACK_API_URL` (the
 * poster's own never resends a post whose outcome is unknown).
 */
export function createSlackApp(options: SlackAppOptions): SlackApp {
  const { log } = options;
  const clientOptions = {
    apiUrl: options.apiUrl,
    log,
    ...(options.retryConfig ? { retryConfig: options.retryConfig } : {}),
  };
  const client = createSlackWebClient({ token: options.botToken, ...clientOptions });
  const mode = options.appToken ? 'socket' : 'http';
  const receiver = mode === 'socket' ? socketReceiver(options) : httpReceiver(options);
  const app = new App({
    token: options.botToken,
    receiver: receiver as Receiver,
    logger: slackLogger(log, 'bolt'),
    clientOptions: slackClientOptions(clientOptions),
    // auth.test runs in start(), so a bad token fails the start rather than the first command.
    deferInitialization: true,
    // Bolt's conversation store is for multi-step dialogs, which we do not have.
    convoStore: false,
    // Bolt's built-in filter drops message events the bot itself posted; we subscribe to no events.
    ignoreSelf: false,
  });
  app.error(async (error) => {
    // A refused replay goes back to the HTTP receiver, which answers it with 401.
    if (replayRefusal(error)) throw error;
    log.error({ err: error }, 'unhandled error in a Slack listener');
  });

  // For what goes into channels: it never resends a message whose fate is unknown (a timeout, a 5xx).
  const postingClient = createSlackWebClient({ token: options.botToken, ...clientOptions, posts: true });
  const poster = createSlackChannelPoster({
    client: postingClient,
    log,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const managers = createSlackManagerCheck({ client, managerIds: options.managerIds, log });
  const command = slashCommandHandler({
    commands: options.commands,
    contextFor: options.contextFor,
    managers,
    openDigestModal: async (payload) => {
      const library = await loadTemplateLibrary();
      const { timeZone } = options.contextFor({
        platform: 'slack',
        userId: payload.user_id,
        channelId: payload.channel_id,
        isManager: false,
      });
      const view = digestModalView({
        channelId: payload.channel_id,
        timeZone,
        templates: library.names,
        defaultTemplate: DEFAULT_TEMPLATE,
      });
      await openDigestModal(client, payload.trigger_id, view);
    },
    uploadImages: async (channelId, images) => {
      await uploadImages(postingClient, channelId, images);
    },
    log,
    ...(options.ackBudgetMs === undefined ? {} : { ackBudgetMs: options.ackBudgetMs }),
  });
  const postBrief = postBriefAction({ poster, contextFor: options.contextFor, log });
  const unknownAction = async ({ ack, action, respond }: ActionArgs) => {
    // A button from an older version, or one no transport handles: acknowledge it so Slack shows
    // no error, and say so.
    await ack();
    log.warn({ action: 'action_id' in action ? action.action_id : action.type }, 'unhandled Slack action');
    const note = respondArgs(
      ephemeralText('That button no longer does anything. Run the command again.', false),
    );
    await Promise.resolve()
      .then(() => respond(note))
      .catch((error: unknown) => log.warn({ err: error }, 'could not answer an unhandled action'));
  };
  if (receiver instanceof HTTPReceiver) {
    const clock = options.now ? { now: options.now } : {};
    const shared = options.sharedSignatures
      ? sharedReplayCheck(options.sharedSignatures, { log, ...clock })
      : undefined;
    app.use(refuseReplays(createReplayGuard(clock), shared));
  }
  for (const middleware of options.middleware ?? []) app.use(middleware);
  app.use(
    slackRouter({
      command,
      actions: new Map([
        [
          POST_BRIEF_ACTION_ID,
          (args: ActionArgs) =>
            args.action.type === 'button' ? postBrief(args as ButtonActionArgs) : unknownAction(args),
        ],
      ]),
      unknownAction,
      views: new Map([
        [
          DIGEST_MODAL_CALLBACK_ID,
          digestModalSubmission({
            commands: options.commands,
            contextFor: options.contextFor,
            managers,
            log,
          }),
        ],
      ]),
    }),
  );

  let socketUp = false;
  if (receiver instanceof SocketModeReceiver) {
    receiver.client.on('connected', () => {
      socketUp = true;
    });
    receiver.client.on('disconnected', () => {
      socketUp = false;
    });
    receiver.client.on('reconnecting', () => {
      socketUp = false;
    });
  }

  return {
    mode,
    app,
    client,
    poster,
    requestHandler: receiver instanceof HTTPReceiver ? receiver.requestListener : undefined,
    async start() {
      await app.init();
      if (mode === 'socket') await app.start();
    },
    async stop() {
      if (mode === 'socket') await app.stop();
    },
    connected: () => mode === 'http' || socketUp,
  };
}

function httpReceiver(options: SlackAppOptions): HTTPReceiver {
  if (!options.signingSecret) {
    throw new Error('Slack HTTP mode needs SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN for Socket Mode)');
  }
  return new HTTPReceiver({
    signingSecret: options.signingSecret,
    endpoints: SLACK_EVENTS_PATH,
    logger: slackLogger(options.log, 'bolt-http'),
    // Answer as soon as a listener acknowledges; slow work continues through response_url.
    processBeforeResponse: false,
    bodyLimit: MAX_BODY_BYTES,
    // Replays are refused after Bolt's own checks, from the signature it has just verified.
    customPropertiesExtractor: signatureProperties,
    processEventErrorHandler: answerRefusedReplays(options.log),
  });
}

function socketReceiver(options: SlackAppOptions): SocketModeReceiver {
  return new SocketModeReceiver({
    appToken: options.appToken ?? '',
    logger: slackLogger(options.log, 'bolt-socket'),
    // apps.connections.open goes to SLACK_API_URL too; Socket Mode keeps its own reconnect policy.
    installerOptions: {
      clientOptions: { slackApiUrl: slackClientOptions({ apiUrl: options.apiUrl }).slackApiUrl ?? '' },
    },
  });
}
