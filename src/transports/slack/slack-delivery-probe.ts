import type { Document } from '../../domain/document.ts';
import { renderSlack } from '../../render/slack/render-slack.ts';
import { type DeliveryProbe, keptUnlessFailed } from '../../schedule/delivery-probe.ts';
import type { WebClient } from './slack-web-client.ts';

/** Pages of channel history read at most; a channel rarely gets 600 messages within a lease. */
const MAX_PAGES = 3;
const PAGE_SIZE = 200;

/**
 * Looks in a Slack channel (conversations.history, which needs the `channels:history` and
 * `groups:history` scopes) for a message this bot posted since `since` whose text is the brief's:
 * the fallback text carries the template's title with its date, and every instance sends the same
 * stored document for a fire, so a match means an earlier attempt got through.
 */
export function createSlackDeliveryProbe(options: { client: WebClient }): DeliveryProbe {
  const { client } = options;
  const ourBotId = keptUnlessFailed(() => client.auth.test().then((identity) => identity.bot_id ?? ''));

  return {
    async findPosted(channelId: string, document: Document, since: Date) {
      const bot = await ourBotId();
      const text = renderSlack(document)[0]?.text;
      if (!bot || text === undefined) throw new Error('cannot identify the bot or the brief');
      const found: string[] = [];
      let cursor: string | undefined;
      let readAll = false;
      for (let page = 0; page < MAX_PAGES && !readAll; page += 1) {
        const history = await client.conversations.history({
          channel: channelId,
          oldest: (since.getTime() / 1_000).toFixed(6),
          limit: PAGE_SIZE,
          ...(cursor ? { cursor } : {}),
        });
        for (const message of history.messages ?? []) {
          if (message.bot_id === bot && message.text === text && message.ts) found.push(message.ts);
        }
        cursor = history.response_metadata?.next_cursor || undefined;
        readAll = !history.has_more || !cursor;
      }
      if (found.length > 0) return found.sort();
      // Not in the pages read, but there are more: that is not knowing, not "not posted".
      if (!readAll) throw new Error(`more than ${MAX_PAGES * PAGE_SIZE} messages since the claim`);
      return undefined;
    },
  };
}
