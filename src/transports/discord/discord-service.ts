import { REST } from 'discord.js';
import type { Briefbot } from '../../app.ts';
import { loadTemplateLibrary } from '../../briefing/template-library.ts';
import type { ChannelPoster } from '../../delivery/channel-poster.ts';
import { ConfigError } from '../../errors.ts';
import type { HttpServer } from '../../http/http-server.ts';
import type { Service, ServiceFactory, ServiceStatus } from '../../serve/service.ts';
import { createDiscordChannelPoster, createPostingRest } from './discord-channel-poster.ts';
import { createDiscordGateway, type DiscordGateway } from './discord-gateway.ts';
import { mountDiscordInteractions } from './discord-interactions-route.ts';
import { createDiscordSignatureVerifier, isDiscordPublicKey } from './discord-signature.ts';
import { createInteractionHandler, type InteractionHandler } from './interaction-handler.ts';

/** Template names for autocomplete are read again after this long, so new files show up. */
const TEMPLATE_NAMES_TTL_MS = 60_000;

/**
 * Discord for `briefbot serve`: the gateway when `DISCORD_TOKEN` is set, `POST /discord/interactions`
 * when `DISCORD_PUBLIC_KEY` is set (both may run; Discord sends each interaction one way only).
 * Returns undefined when neither is configured.
 */
export const createDiscordService: ServiceFactory = (deps) => discordServiceFactory()(deps);

/** The factory with its tunables exposed, for tests that want a shorter reply budget. */
export function discordServiceFactory(tuning: { replyBudgetMs?: number } = {}): ServiceFactory {
  return ({ bot, http }) => createService(bot, http, tuning);
}

function createService(
  bot: Briefbot,
  http: HttpServer,
  tuning: { replyBudgetMs?: number },
): Service | undefined {
  const { DISCORD_TOKEN: token, DISCORD_PUBLIC_KEY: publicKey } = bot.config;
  if (token === undefined && publicKey === undefined) return undefined;
  if (publicKey !== undefined && !isDiscordPublicKey(publicKey)) {
    throw new ConfigError([
      'DISCORD_PUBLIC_KEY: must be the 64 hex characters shown in the Developer Portal',
    ]);
  }
  let gateway: DiscordGateway | undefined;
  let poster: ChannelPoster | undefined;
  let postingRest: REST | undefined;
  // Interaction webhooks (edits, follow-ups) are authenticated by the interaction token, not the
  // bot token, so one token-less REST client serves both the gateway and the HTTP endpoint.
  const webhookRest = new REST({ api: bot.config.DISCORD_API_URL });
  const handler = createBotInteractionHandler(bot, { rest: webhookRest, poster: () => poster, ...tuning });
  if (token !== undefined) {
    gateway = createDiscordGateway({ token, apiUrl: bot.config.DISCORD_API_URL, handler, log: bot.log });
  }
  if (publicKey !== undefined) mountEndpoint(http, bot, handler, publicKey);

  return {
    name: 'discord',
    async start() {
      if (gateway === undefined || token === undefined) return;
      await gateway.start();
      postingRest = createPostingRest({ apiUrl: bot.config.DISCORD_API_URL, token });
      poster = createDiscordChannelPoster({ rest: postingRest, log: bot.log });
      bot.posters.register(poster);
    },
    async stop() {
      await gateway?.stop();
      postingRest?.clearHashSweeper();
      postingRest?.clearHandlerSweeper();
      webhookRest.clearHashSweeper();
      webhookRest.clearHandlerSweeper();
    },
    status(): ServiceStatus {
      return gateway?.status() ?? { state: 'ready', detail: 'HTTP interactions only' };
    },
  } satisfies Service;
}

function mountEndpoint(
  http: HttpServer,
  bot: Briefbot,
  handler: InteractionHandler,
  publicKey: string,
): void {
  mountDiscordInteractions(http, {
    verify: createDiscordSignatureVerifier(publicKey),
    handler,
    log: bot.log,
  });
}

/** The interaction pipeline wired to the bot's registry, contexts and template library. */
export function createBotInteractionHandler(
  bot: Briefbot,
  wiring: { rest: REST; poster: () => ChannelPoster | undefined; replyBudgetMs?: number },
): InteractionHandler {
  let names: { at: number; value: Promise<readonly string[]> } | undefined;
  const templates = () => {
    if (names === undefined || Date.now() - names.at > TEMPLATE_NAMES_TTL_MS) {
      names = { at: Date.now(), value: loadTemplateLibrary().then((library) => library.names) };
    }
    return names.value.catch(() => []);
  };
  return createInteractionHandler({
    registry: bot.commands,
    contextFor: bot.contextFor,
    rest: wiring.rest,
    log: bot.log,
    managerRoleId: bot.config.DISCORD_MANAGER_ROLE_ID,
    poster: wiring.poster,
    templates,
    ...(wiring.replyBudgetMs === undefined ? {} : { replyBudgetMs: wiring.replyBudgetMs }),
  });
}
