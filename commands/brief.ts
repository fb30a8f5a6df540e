import { type BriefRequest, briefFor, DEFAULT_TEMPLATE } from '../src/briefing/brief-for.ts';
import type { CommandContext } from '../src/command/command.ts';
import { defineCommand } from '../src/command/command.ts';
import { tokenize } from '../src/command/tokenize.ts';
import type { Document, ReplyAction } from '../src/domain/document.ts';
import { UserError } from '../src/errors.ts';

const USAGE = '/brief [template]';

/** The id of the preview's button; transports route it to `postedBrief` and post the result. */
export const POST_BRIEF_ACTION_ID = 'post_brief';

export const briefCommand = defineCommand({
  name: 'brief',
  summary: 'A briefing on demand, shown to you first, with a button to post it to the channel.',
  usage: USAGE,
  examples: ['/brief', '/brief five-things', '/brief close', '/brief morning.ja'],
  options: [
    {
      name: 'template',
      description: 'morning (default), five-things, close, morning.ja, or one your team added',
      required: false,
    },
  ],
  async run(text, context) {
    const tokens = tokenize(text);
    if (tokens.length > 1) {
      throw new UserError(
        'BAD_ARGUMENT',
        'Give one template at most.',
        `Type ${USAGE}, for example /brief five-things.`,
      );
    }
    const { document, template } = await briefFor(await request(context, tokens[0]));
    const post: ReplyAction = { id: POST_BRIEF_ACTION_ID, label: 'Post to channel', value: template.name };
    // A preview: only the caller sees it until they choose to post it.
    return { document, visibility: 'ephemeral', actions: [post] };
  },
});

/**
 * What "Post to channel" posts: the brief of the template named in the action's value, composed
 * again from the same cached data the preview used.
 */
export async function postedBrief(templateName: string, context: CommandContext): Promise<Document> {
  return (await briefFor(await request(context, templateName))).document;
}

async function request(context: CommandContext, template: string | undefined): Promise<BriefRequest> {
  const { caller, summariseBrief } = context;
  const fired = await context.alerts.firedSince(
    caller.platform,
    caller.channelId,
    new Date(context.now().getTime() - RECAP_WINDOW_MS),
  );
  return {
    market: context.market,
    template: template ?? DEFAULT_TEMPLATE,
    timeZone: context.timeZone,
    now: context.now,
    sigmaWindowDays: context.sigmaWindowDays,
    alertsSince: fired.map((f) => ({ text: f.text, firedAt: new Date(f.firedAt) })),
    charts: { prices: context.store.history, log: context.log },
    ...(summariseBrief
      ? { summarize: (snapshot, chosen) => summariseBrief({ snapshot, template: chosen }) }
      : {}),
  };
}

/** An on-demand brief recaps the alerts of the last day. */
const RECAP_WINDOW_MS = 86_400_000;
