import { randomBytes } from 'node:crypto';
import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  RespondFn,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import { POST_BRIEF_ACTION_ID, postedBrief } from '../../../commands/brief.ts';
import type { Caller, CommandContext } from '../../command/command.ts';
import { type ChannelPoster, DeliveryError, mayHaveArrived } from '../../delivery/channel-poster.ts';
import { UserError } from '../../errors.ts';
import type { Logger } from '../../log/logger.ts';
import { ephemeralText, respondArgs } from './slack-reply.ts';

/** A preview's response_url lives 30 minutes; a click after that cannot be answered anyway. */
const PREVIEW_LIFETIME_MS = 30 * 60_000;
/** Slack error codes that mean "the bot cannot post here until someone invites it". */
const NOT_A_MEMBER = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action']);

/** What Bolt hands an action listener for a button press. */
export type ButtonActionArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

export interface PostBriefDeps {
  readonly poster: ChannelPoster;
  readonly contextFor: (caller: Caller) => CommandContext;
  readonly log: Logger;
  readonly now?: () => number;
}

/**
 * "Post to channel" on a /brief preview: compose the brief of the template the button names, post
 * it with the channel poster, then turn the preview into a one-line confirmation. A preview posts
 * once: a second click (or a double click) while the first is on its way is told so instead.
 */
export function postBriefAction(deps: PostBriefDeps): (args: ButtonActionArgs) => Promise<void> {
  const now = deps.now ?? Date.now;
  const claimed = new Map<string, number>();

  return async ({ ack, body, action, respond }) => {
    await ack();
    const channelId = body.channel?.id ?? body.container?.channel_id;
    const userId = body.user.id;
    const log = deps.log.child({ action: POST_BRIEF_ACTION_ID, user: userId, channel: channelId });
    if (typeof channelId !== 'string') {
      log.warn('post_brief without a channel');
      return;
    }
    const preview = `${channelId}:${String(body.container?.message_ts ?? action.action_ts)}`;
    for (const [key, expires] of claimed) if (expires <= now()) claimed.delete(key);
    if (claimed.has(preview)) {
      await say(respond, 'This brief is already on its way to the channel.', log);
      return;
    }
    claimed.set(preview, now() + PREVIEW_LIFETIME_MS);
    try {
      const caller: Caller = { platform: 'slack', userId, channelId, isManager: false };
      const document = await postedBrief(action.value ?? '', deps.contextFor(caller));
      await deps.poster.post(channelId, document);
      log.info({ template: action.value }, 'brief posted from preview');
      await respond(respondArgs(ephemeralText(`Posted “${document.title}” to the channel.`, true)));
    } catch (error) {
      claimed.delete(preview);
      await say(respond, failureText(error, log), log);
    }
  };
}

function failureText(error: unknown, log: Logger): string {
  if (error instanceof UserError) return error.hint ? `${error.message} ${error.hint}` : error.message;
  if (error instanceof DeliveryError && NOT_A_MEMBER.has(error.context.code ?? '')) {
    return 'I cannot post in this channel. Invite me with /invite @briefbot, then press the button again.';
  }
  const reference = randomBytes(4).toString('hex');
  log.error({ err: error, reference }, 'post_brief failed');
  if (error instanceof DeliveryError && mayHaveArrived(error)) {
    return `Slack did not confirm the post (ref ${reference}), so it may have arrived anyway. Check the channel before you press the button again.`;
  }
  return `The brief could not be posted (ref ${reference}). Try the button again in a minute.`;
}

async function say(respond: RespondFn, text: string, log: Logger): Promise<void> {
  await respond(respondArgs(ephemeralText(text, false))).catch((error: unknown) =>
    log.warn({ err: error }, 'could not answer the button press'),
  );
}
