import { InteractionResponseType, type RawFile, type REST, Routes } from 'discord.js';
import type { DiscordInteraction } from './discord-interaction.ts';
import { type DiscordPayload, discordPayloads } from './discord-payload.ts';

export interface InteractionResponse {
  readonly type: InteractionResponseType;
  readonly data?: unknown;
}

/** Sends the first answer to an interaction: the REST callback (gateway) or the HTTP response. */
export interface InteractionResponder {
  /** Whether the first answer can carry files: the callback can, an HTTP response cannot. */
  readonly uploads: boolean;
  respond(response: InteractionResponse, files: readonly RawFile[]): Promise<void>;
}

/** An ephemeral one-line answer. */
export function notice(text: string): InteractionResponse {
  return {
    type: InteractionResponseType.ChannelMessageWithSource,
    data: discordPayloads({ title: text, blocks: [], footer: [] }, { ephemeral: true })[0]?.body,
  };
}

export type Webhook = ReturnType<typeof createWebhook>;

/** The interaction's webhook: edits and follow-ups authenticated by the interaction token alone. */
export function createWebhook(rest: REST) {
  const files = (payload: DiscordPayload) => (payload.files.length > 0 ? { files: [...payload.files] } : {});
  return {
    async followUp(interaction: DiscordInteraction, payload: DiscordPayload): Promise<void> {
      await rest.post(Routes.webhook(interaction.application_id, interaction.token), {
        body: payload.body,
        ...files(payload),
        auth: false,
      });
    },
    async editOriginal(interaction: DiscordInteraction, payload: DiscordPayload): Promise<void> {
      // An edit cannot change flags; the body of a public answer carries none.
      await rest.patch(Routes.webhookMessage(interaction.application_id, interaction.token, '@original'), {
        body: payload.body,
        ...files(payload),
        auth: false,
      });
    },
    async deleteOriginal(interaction: DiscordInteraction): Promise<void> {
      await rest.delete(Routes.webhookMessage(interaction.application_id, interaction.token, '@original'), {
        auth: false,
      });
    },
  };
}
