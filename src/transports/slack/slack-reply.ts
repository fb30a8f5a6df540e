import type { RespondArguments } from '@slack/bolt';
import type { Reply, ReplyAction } from '../../domain/document.ts';
import { cleanLine } from '../../render/clean-text.ts';
import { fitEscaped } from '../../render/fit-text.ts';
import { escapeSlackPlain } from '../../render/slack/escape-slack.ts';
import { SLACK_LIMITS } from '../../render/slack/limits.ts';
import { renderSlack, type SlackBlock } from '../../render/slack/render-slack.ts';

/**
 * Block Kit limits for buttons (docs.slack.dev, "Button element" and "Actions block"). Only the
 * transport adds interactive blocks, so they live beside it rather than in the renderer's limits.
 */
export const SLACK_ACTION_LIMITS = {
  elementsPerActionsBlock: 25,
  buttonTextChars: 75,
  actionIdChars: 255,
  valueChars: 2_000,
} as const;

export interface SlackButton {
  readonly type: 'button';
  readonly text: { readonly type: 'plain_text'; readonly text: string; readonly emoji: false };
  readonly action_id: string;
  readonly value: string;
}

export type SlackOutBlock =
  | SlackBlock
  | { readonly type: 'actions'; readonly elements: readonly SlackButton[] };

/** One message as a slash-command response: the shape of both `ack()` bodies and `response_url` posts. */
export interface SlackResponse {
  readonly response_type: 'ephemeral' | 'in_channel';
  readonly text: string;
  readonly blocks: readonly SlackOutBlock[];
  readonly replace_original?: boolean;
}

/**
 * A reply as Slack responses, in order: the rendered messages with the reply's buttons appended to
 * the last one (or in a message of their own when the last is already full).
 */
export function slackResponses(reply: Reply): SlackResponse[] {
  const response_type = reply.visibility === 'channel' ? 'in_channel' : 'ephemeral';
  const messages = renderSlack(reply.document).map((m) => ({
    text: m.text,
    blocks: [...m.blocks] as SlackOutBlock[],
  }));
  const actions = actionBlocks(reply.actions ?? []);
  const last = messages.at(-1);
  if (last && actions.length > 0) {
    if (last.blocks.length + actions.length <= SLACK_LIMITS.blocksPerMessage) last.blocks.push(...actions);
    else messages.push({ text: last.text, blocks: actions });
  }
  return messages.map((m) => ({ response_type, ...m }));
}

/** A short ephemeral note sent as the acknowledgement when the answer needs longer than the budget. */
export function workingNote(command: string): SlackResponse {
  const text = `Working on /${command}… the answer follows in a moment.`;
  return {
    response_type: 'ephemeral',
    text,
    blocks: [{ type: 'context', elements: [{ type: 'plain_text', text }] }],
  };
}

/** A one-line ephemeral message (a confirmation or a short error). */
export function ephemeralText(text: string, replaceOriginal?: boolean): SlackResponse {
  const safe = fitEscaped(text, SLACK_LIMITS.sectionTextChars, escapeSlackPlain);
  return {
    response_type: 'ephemeral',
    text: safe,
    blocks: [{ type: 'section', text: { type: 'plain_text', text: safe } }],
    ...(replaceOriginal === undefined ? {} : { replace_original: replaceOriginal }),
  };
}

function actionBlocks(actions: readonly ReplyAction[]): SlackOutBlock[] {
  const buttons = actions
    .filter(
      (a) =>
        a.id.length <= SLACK_ACTION_LIMITS.actionIdChars && a.value.length <= SLACK_ACTION_LIMITS.valueChars,
    )
    .map(button);
  const blocks: SlackOutBlock[] = [];
  for (let i = 0; i < buttons.length; i += SLACK_ACTION_LIMITS.elementsPerActionsBlock) {
    blocks.push({
      type: 'actions',
      elements: buttons.slice(i, i + SLACK_ACTION_LIMITS.elementsPerActionsBlock),
    });
  }
  return blocks;
}

function button(action: ReplyAction): SlackButton {
  const label = cleanLine(action.label).trim() || action.id;
  const text = fitEscaped(label, SLACK_ACTION_LIMITS.buttonTextChars, escapeSlackPlain);
  return {
    type: 'button',
    text: { type: 'plain_text', text, emoji: false },
    action_id: action.id,
    value: action.value,
  };
}

/** Our response shapes are a strict subset of what Bolt accepts; @slack/types wants mutable unions. */
export function respondArgs(response: SlackResponse): RespondArguments {
  return response as unknown as RespondArguments;
}
