import type { types } from '@slack/bolt';
import {
  type ChannelPoster,
  NOTHING_SENT,
  type PartialPost,
  type PostPart,
  sendParts,
} from '../../delivery/channel-poster.ts';
import type { Document, Image } from '../../domain/document.ts';
import type { Logger } from '../../log/logger.ts';
import { renderSlack, type SlackMessage } from '../../render/slack/render-slack.ts';
import { type ChannelPacer, createChannelPacer, type PacerClock } from './channel-pacer.ts';
import { toDeliveryError } from './slack-errors.ts';
import type { WebClient } from './slack-web-client.ts';

/** Slack allows about one message per second per channel (chat.postMessage, "Rate limits"). */
export const SLACK_CHANNEL_INTERVAL_MS = 1_000;

export interface SlackChannelPosterOptions {
  readonly client: WebClient;
  readonly log: Logger;
  /** Shared with anything else that posts to channels, so all sends count against one budget. */
  readonly pacer?: ChannelPacer;
  readonly clock?: PacerClock;
}

/**
 * Posts documents to Slack channels with chat.postMessage: rendered with the Block Kit renderer,
 * link previews off, paced to one message per second per channel, and the images shared together
 * with the files API after the text. Failures become `DeliveryError`s that say whether a retry can
 * help.
 */
export function createSlackChannelPoster(options: SlackChannelPosterOptions): ChannelPoster {
  const { client, log } = options;
  const pacer =
    options.pacer ??
    createChannelPacer({
      intervalMs: SLACK_CHANNEL_INTERVAL_MS,
      ...(options.clock ? { clock: options.clock } : {}),
    });
  return {
    platform: 'slack',
    async post(channelId: string, document: Document, resume: PartialPost = NOTHING_SENT) {
      const paced =
        (send: () => Promise<readonly string[]>): PostPart =>
        async () => {
          await pacer.wait(channelId);
          return send();
        };
      // The text messages, then the pictures shared together: one message, one paced slot per group.
      const parts = [
        ...renderSlack(document).map((message) =>
          paced(async () => [await postMessage(client, channelId, message)]),
        ),
        ...groupsOf(imagesOf(document), IMAGES_PER_SHARE).map((group) =>
          paced(() => uploadImages(client, channelId, group)),
        ),
      ];
      return sendParts(parts, resume, { toError: (error) => toDeliveryError(error, channelId), log });
    },
  };
}

export async function postMessage(
  client: WebClient,
  channel: string,
  message: SlackMessage,
): Promise<string> {
  const result = await client.chat.postMessage({
    channel,
    text: message.text,
    // The renderer's block shapes are a strict subset of Block Kit; @slack/types wants its own.
    blocks: message.blocks as unknown as types.KnownBlock[],
    unfurl_links: false,
    unfurl_media: false,
  });
  return result.ts ?? '';
}

/**
 * files.uploadV2: getUploadURLExternal and the upload for each image, then one
 * completeUploadExternal that shares them all in the channel as a single message.
 */
export async function uploadImages(
  client: WebClient,
  channel: string,
  images: readonly Image[],
): Promise<string[]> {
  const result = await client.filesUploadV2({
    channel_id: channel,
    file_uploads: images.map((image) => ({
      file: Buffer.from(image.png),
      filename: image.name,
      title: image.alt,
      alt_text: image.alt,
    })),
  });
  return result.files.flatMap((completed) => (completed.files ?? []).map((file) => file.id ?? ''));
}

/**
 * Files shared by one files.completeUploadExternal call. Slack documents no limit, but reports of
 * the call failing with larger batches exist; the built-in briefs carry two pictures at most.
 */
export const IMAGES_PER_SHARE = 10;

function groupsOf<T>(items: readonly T[], size: number): T[][] {
  const groups: T[][] = [];
  for (let i = 0; i < items.length; i += size) groups.push(items.slice(i, i + size));
  return groups;
}

export function imagesOf(document: Document): Image[] {
  return document.blocks.flatMap((block) => (block.kind === 'image' ? [block.image] : []));
}
