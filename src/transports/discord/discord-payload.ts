import type { RawFile } from 'discord.js';
import type { Document, Image, ReplyAction } from '../../domain/document.ts';
import { deepFreeze, getOrCreate } from '../../domain/memo.ts';
import type { DiscordEmbed, DiscordMessage } from '../../render/discord/discord-message.ts';
import { discordAttachmentName, renderDiscord } from '../../render/discord/render-discord.ts';

/** Message flag: shown to the caller only (interaction replies and follow-ups). */
export const EPHEMERAL_FLAG = 64;
/** Discord refuses a `custom_id` longer than this. */
const CUSTOM_ID_CHARS = 100;
const BUTTONS_PER_ROW = 5;
const LABEL_CHARS = 80;

interface ButtonComponent {
  readonly type: 2;
  readonly style: 1;
  readonly label: string;
  readonly custom_id: string;
}

export interface ActionRow {
  readonly type: 1;
  readonly components: readonly ButtonComponent[];
}

/** The JSON part of a message Discord takes on channel posts, interaction replies and edits. */
export interface DiscordMessageBody {
  readonly embeds: readonly DiscordEmbed[];
  readonly allowed_mentions: DiscordMessage['allowed_mentions'];
  readonly attachments?: readonly {
    readonly id: number;
    readonly filename: string;
    readonly description?: string;
  }[];
  readonly components?: readonly ActionRow[];
  readonly flags?: number;
}

/** One message to send: its JSON and the PNGs its embeds point at with `attachment://`. */
export interface DiscordPayload {
  readonly body: DiscordMessageBody;
  readonly files: readonly RawFile[];
}

export interface PayloadOptions {
  readonly ephemeral?: boolean;
  readonly actions?: readonly ReplyAction[];
}

/**
 * A document as the messages to send, in order: each rendered message carries the images its own
 * embeds show, and the buttons go on the last message so they sit under the whole reply.
 */
export function discordPayloads(document: Document, options: PayloadOptions = {}): readonly DiscordPayload[] {
  // The common warm answer (a shared frozen document, no buttons, no images) is kept with its
  // document, like its rendering.
  if (
    !Object.isFrozen(document) ||
    (options.actions ?? []).length > 0 ||
    document.blocks.some((block) => block.kind === 'image')
  ) {
    return payloadsOf(document, options);
  }
  const kept = getOrCreate(plainPayloads, document, (): KeptPayloads => ({}));
  const which = options.ephemeral ? 'ephemeral' : 'public';
  kept[which] ??= deepFreeze(payloadsOf(document, options));
  return kept[which];
}

interface KeptPayloads {
  public?: readonly DiscordPayload[];
  ephemeral?: readonly DiscordPayload[];
}

const plainPayloads = new WeakMap<Document, KeptPayloads>();

function payloadsOf(document: Document, options: PayloadOptions): DiscordPayload[] {
  const messages = renderDiscord(document);
  const images = new Map(imagesOf(document).map((image) => [discordAttachmentName(image.name), image]));
  const unplaced = new Set(images.keys());
  const perMessage = messages.map((message) => {
    const names = referencedAttachments(message).filter((name) => images.has(name));
    for (const name of names) unplaced.delete(name);
    return names;
  });
  // An image no embed points at is still sent, with the last message, rather than dropped.
  perMessage[perMessage.length - 1]?.push(...unplaced);
  const rows = actionRows(options.actions ?? []);
  return messages.map((message, index) => {
    const names = perMessage[index] ?? [];
    const last = index === messages.length - 1;
    const attached = names.flatMap((name) => {
      const image = images.get(name);
      return image ? [{ name, image }] : [];
    });
    const body: DiscordMessageBody = {
      embeds: message.embeds,
      allowed_mentions: { parse: [] },
      ...(attached.length > 0
        ? {
            attachments: attached.map(({ name, image }, id) => ({
              id,
              filename: name,
              ...(image.alt === '' ? {} : { description: image.alt.slice(0, 1_024) }),
            })),
          }
        : {}),
      ...(last && rows.length > 0 ? { components: rows } : {}),
      ...(options.ephemeral ? { flags: EPHEMERAL_FLAG } : {}),
    };
    const files: RawFile[] = attached.map(({ name, image }, id) => ({
      key: `files[${id}]`,
      name,
      data: Buffer.from(image.png),
      contentType: 'image/png',
    }));
    return { body, files };
  });
}

/** `custom_id` is `action:value`, so the click routes on the action and carries its value back. */
export function actionCustomId(action: ReplyAction): string {
  return `${action.id}:${action.value}`.slice(0, CUSTOM_ID_CHARS);
}

export function parseCustomId(customId: string): { id: string; value: string } {
  const colon = customId.indexOf(':');
  return colon < 0
    ? { id: customId, value: '' }
    : { id: customId.slice(0, colon), value: customId.slice(colon + 1) };
}

function actionRows(actions: readonly ReplyAction[]): ActionRow[] {
  const rows: ActionRow[] = [];
  for (let start = 0; start < actions.length; start += BUTTONS_PER_ROW) {
    rows.push({
      type: 1,
      components: actions.slice(start, start + BUTTONS_PER_ROW).map((action) => ({
        type: 2,
        style: 1,
        label: action.label.slice(0, LABEL_CHARS),
        custom_id: actionCustomId(action),
      })),
    });
  }
  return rows;
}

function referencedAttachments(message: DiscordMessage): string[] {
  return message.embeds.flatMap((embed) => {
    const url = embed.image?.url;
    return url?.startsWith('attachment://') ? [url.slice('attachment://'.length)] : [];
  });
}

function imagesOf(document: Document): Image[] {
  return document.blocks.flatMap((block) => (block.kind === 'image' ? [block.image] : []));
}
