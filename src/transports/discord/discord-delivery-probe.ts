import { type REST, Routes, SnowflakeUtil } from 'discord.js';
import type { Document } from '../../domain/document.ts';
import { type DeliveryProbe, keptUnlessFailed } from '../../schedule/delivery-probe.ts';
import { discordPayloads } from './discord-payload.ts';

/** Pages of channel history read at most; a channel rarely gets 300 messages within a lease. */
const MAX_PAGES = 3;
/** The most Discord returns per request. */
const PAGE_SIZE = 100;

interface HistoryMessage {
  readonly id?: unknown;
  readonly author?: { readonly id?: unknown };
  readonly embeds?: readonly { readonly title?: unknown }[];
}

/**
 * Looks in a Discord channel (`GET /channels/{id}/messages`, which needs the View Channel and Read
 * Message History permissions) for a message this bot posted since `since` whose first embed has
 * the brief's title. The title carries the template's name with its date, and every instance sends
 * the same stored document for a fire, so a match means an earlier attempt got through.
 *
 * `rest` must carry the bot token. Message ids are snowflakes, which start with their creation
 * time, so "since" is asked for as the smallest id of that millisecond.
 */
export function createDiscordDeliveryProbe(options: { rest: REST }): DeliveryProbe {
  const { rest } = options;
  const ourBotId = keptUnlessFailed(() =>
    (rest.get(Routes.user()) as Promise<{ id?: unknown }>).then((user) =>
      typeof user.id === 'string' ? user.id : '',
    ),
  );

  return {
    async findPosted(channelId: string, document: Document, since: Date) {
      const bot = await ourBotId();
      const payloads = discordPayloads(document);
      // Only the first part of a brief split over several messages carries the title, so finding
      // it would not show the rest arrived: such a brief is sent again whole rather than cut short.
      if (payloads.length > 1) throw new Error('a brief of several messages cannot be matched');
      const title = payloads[0]?.body.embeds[0]?.title;
      if (!bot || title === undefined) throw new Error('cannot identify the bot or the brief');
      const found: string[] = [];
      let after = firstIdAt(since);
      let readAll = false;
      for (let page = 0; page < MAX_PAGES && !readAll; page += 1) {
        const query = new URLSearchParams({ after: after.toString(), limit: String(PAGE_SIZE) });
        const messages = (await rest.get(Routes.channelMessages(channelId), { query })) as unknown;
        if (!Array.isArray(messages)) throw new Error('Discord answered the history request with no list');
        for (const message of messages as HistoryMessage[]) {
          if (typeof message.id !== 'string' || !/^\d+$/.test(message.id)) continue;
          // Discord lists a page newest first; the next page starts after the newest seen.
          if (BigInt(message.id) > after) after = BigInt(message.id);
          if (message.author?.id === bot && message.embeds?.[0]?.title === title) found.push(message.id);
        }
        readAll = messages.length < PAGE_SIZE;
      }
      if (found.length > 0) return found.sort(byId);
      // Not in the pages read, but there are more: that is not knowing, not "not posted".
      if (!readAll) throw new Error(`more than ${MAX_PAGES * PAGE_SIZE} messages since the claim`);
      return undefined;
    },
  };
}

/** The id just before every message created at `instant` or later. */
function firstIdAt(instant: Date): bigint {
  const sinceEpoch = BigInt(Math.floor(instant.getTime())) - SnowflakeUtil.epoch;
  return sinceEpoch > 0n ? (sinceEpoch << 22n) - 1n : 0n;
}

function byId(a: string, b: string): number {
  const [x, y] = [BigInt(a), BigInt(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}
