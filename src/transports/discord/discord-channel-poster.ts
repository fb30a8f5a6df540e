import { REST, Routes } from 'discord.js';
import {
  type ChannelPoster,
  NOTHING_SENT,
  type PartialPost,
  type PostPart,
  sendParts,
} from '../../delivery/channel-poster.ts';
import type { Document } from '../../domain/document.ts';
import type { Logger } from '../../log/logger.ts';
import { toDeliveryError } from './discord-errors.ts';
import { discordPayloads } from './discord-payload.ts';

/**
 * A REST client for posting messages. It waits out a 429 and tries again (Discord refused that
 * request, so nothing was posted), but never resends after a timeout, a dropped connection or a 5xx,
 * which may have posted the message: discord.js would by default, up to three times, and a channel
 * would see the brief twice. The failure goes back to the caller instead; the scheduler looks in the
 * channel before it sends again. Call `clearHashSweeper` and `clearHandlerSweeper` when done.
 */
export function createPostingRest(options: { apiUrl: string; token: string; timeoutMs?: number }): REST {
  return new REST({
    api: options.apiUrl,
    retries: 0,
    ...(options.timeoutMs === undefined ? {} : { timeout: options.timeoutMs }),
  }).setToken(options.token);
}

export interface DiscordChannelPosterOptions {
  /** A REST client with the bot token set, made by `createPostingRest`. */
  readonly rest: REST;
  readonly log: Logger;
}

/**
 * Posts documents to Discord channels by id with `POST /channels/{id}/messages`: rendered with the
 * Discord renderer, mentions disabled, images uploaded as attachments of the message that shows
 * them. Rate limits are the REST queue's job: it waits out a 429 and retries on its own, per route
 * bucket, so this adapter does no pacing of its own. Failures become `DeliveryError`s.
 */
export function createDiscordChannelPoster(options: DiscordChannelPosterOptions): ChannelPoster {
  const { rest, log } = options;
  return {
    platform: 'discord',
    async post(channelId: string, document: Document, resume: PartialPost = NOTHING_SENT) {
      const parts = discordPayloads(document).map(
        ({ body, files }): PostPart =>
          async () => {
            const message = (await rest.post(Routes.channelMessages(channelId), {
              body,
              ...(files.length > 0 ? { files: [...files] } : {}),
            })) as { id?: unknown };
            return [typeof message.id === 'string' ? message.id : ''];
          },
      );
      return sendParts(parts, resume, { toError: (error) => toDeliveryError(error, channelId), log });
    },
  };
}
