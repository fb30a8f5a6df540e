import { once } from 'node:events';
import { Client, Events, GatewayDispatchEvents, GatewayIntentBits, type REST, Routes } from 'discord.js';
import type { Logger } from '../../log/logger.ts';
import type { ServiceStatus } from '../../serve/service.ts';
import { parseInteraction } from './discord-interaction.ts';
import type { InteractionHandler } from './interaction-handler.ts';
import type { InteractionResponder } from './interaction-responder.ts';

/** How long `start` waits for READY after the connection opens. */
export const GATEWAY_READY_TIMEOUT_MS = 30_000;

export interface DiscordGatewayOptions {
  readonly token: string;
  /** REST base URL (`DISCORD_API_URL`); the gateway URL comes from `GET /gateway/bot` on it. */
  readonly apiUrl: string;
  readonly handler: InteractionHandler;
  readonly log: Logger;
}

export interface DiscordGateway {
  /** The client's REST, with the bot token once started: shared by the channel poster. */
  readonly rest: REST;
  start(): Promise<void>;
  stop(): Promise<void>;
  status(): ServiceStatus;
}

/**
 * A discord.js client on the gateway. Slash commands need no privileged intent (interactions reach
 * every bot), so it asks for `Guilds` only. Interactions are taken as raw INTERACTION_CREATE
 * payloads, the same shape the HTTP endpoint receives, and answered through the REST callback.
 * Heartbeats, resumes and sharding are discord.js's.
 */
export function createDiscordGateway(options: DiscordGatewayOptions): DiscordGateway {
  const { handler, log } = options;
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: options.apiUrl } });
  let state: ServiceStatus = { state: 'starting' };

  client.ws.on(GatewayDispatchEvents.InteractionCreate, (data: unknown) => {
    const interaction = parseInteraction(data);
    if (interaction === undefined) {
      log.warn('discord sent an interaction briefbot could not read');
      return;
    }
    const responder: InteractionResponder = {
      uploads: true,
      async respond(response, files) {
        await client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
          body: response,
          ...(files.length > 0 ? { files: [...files] } : {}),
          auth: false,
        });
      },
    };
    void handler.handle(interaction, responder);
  });
  client.on(Events.ShardReady, () => {
    state = { state: 'ready' };
  });
  client.on(Events.ShardResume, () => {
    state = { state: 'ready' };
  });
  client.on(Events.ShardReconnecting, () => {
    state = { state: 'degraded', detail: 'reconnecting to the gateway' };
  });
  client.on(Events.ShardDisconnect, (event) => {
    state = { state: 'degraded', detail: `gateway closed (${event.code})` };
  });
  client.on(Events.ShardError, (error) => log.warn({ err: error }, 'discord gateway error'));

  return {
    rest: client.rest,
    async start() {
      const ready = once(client, Events.ClientReady, {
        signal: AbortSignal.timeout(GATEWAY_READY_TIMEOUT_MS),
      });
      ready.catch(() => undefined);
      await client.login(options.token);
      await ready;
      state = { state: 'ready' };
      log.info({ user: client.user?.id, application: client.application?.id }, 'discord gateway ready');
    },
    async stop() {
      state = { state: 'stopped' };
      await client.destroy();
    },
    status: () => state,
  };
}
