import type { types, ViewStateValue } from '@slack/bolt';
import type { Caller, Command, CommandContext } from '../../command/command.ts';
import { dispatch } from '../../command/dispatch.ts';
import type { Logger } from '../../log/logger.ts';
import { renderSlack } from '../../render/slack/render-slack.ts';
import type { SlackManagerCheck } from './slack-manager-check.ts';
import type { ViewArgs } from './slack-router.ts';
import type { WebClient } from './slack-web-client.ts';

/** The modal's callback id: Bolt routes its submission here. */
export const DIGEST_MODAL_CALLBACK_ID = 'briefbot_digest_add';

/** Zones desks use most; the configured default is added when it is not among them. */
const COMMON_ZONES = [
  'Asia/Tokyo',
  'Asia/Singapore',
  'Asia/Hong_Kong',
  'Australia/Sydney',
  'Europe/London',
  'Europe/Paris',
  'America/New_York',
  'America/Chicago',
  'UTC',
] as const;
const DAYS = [
  ['mon-fri', 'Weekdays (Mon–Fri)'],
  ['daily', 'Every day'],
  ['mon,wed,fri', 'Mon, Wed, Fri'],
  ['tue,thu', 'Tue, Thu'],
] as const;
const HOLIDAYS = [
  ['jp', 'Skip Japanese market holidays'],
  ['us', 'Skip US market holidays'],
] as const;

type Option = { text: { type: 'plain_text'; text: string }; value: string };
const option = (value: string, label = value): Option => ({
  text: { type: 'plain_text', text: label },
  value,
});
const input = (blockId: string, label: string, element: Record<string, unknown>, optional = false) => ({
  type: 'input',
  block_id: blockId,
  label: { type: 'plain_text', text: label },
  optional,
  element: { action_id: 'value', ...element },
});

/**
 * The modal `/digest add` opens on Slack when typed with no arguments: a channel (this one by
 * default), a time picker, days, a zone, a template and market holidays to skip. Its submission
 * becomes the same `/digest add …` line the command parses.
 */
export function digestModalView(options: {
  channelId: string;
  timeZone: string;
  templates: readonly string[];
  defaultTemplate: string;
}): types.ModalView {
  const zones: string[] = [...new Set([options.timeZone, ...COMMON_ZONES])];
  const templates = options.templates.length > 0 ? options.templates : [options.defaultTemplate];
  const template = templates.includes(options.defaultTemplate) ? options.defaultTemplate : templates[0];
  return {
    type: 'modal',
    callback_id: DIGEST_MODAL_CALLBACK_ID,
    title: { type: 'plain_text', text: 'Schedule a digest' },
    submit: { type: 'plain_text', text: 'Schedule' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      input('channel', 'Channel', {
        type: 'conversations_select',
        initial_conversation: options.channelId,
        filter: { include: ['public', 'private'], exclude_bot_users: true },
      }),
      input('time', 'Time', { type: 'timepicker', initial_time: '07:30' }),
      input('days', 'Days', {
        type: 'static_select',
        options: DAYS.map(([value, label]) => option(value, label)),
        initial_option: option(DAYS[0][0], DAYS[0][1]),
      }),
      input('zone', 'Time zone', {
        type: 'static_select',
        options: zones.map((zone) => option(zone)),
        initial_option: option(options.timeZone),
      }),
      input('template', 'Template', {
        type: 'static_select',
        options: templates.map((name) => option(name)),
        ...(template === undefined ? {} : { initial_option: option(template) }),
      }),
      input(
        'holidays',
        'Market holidays',
        { type: 'checkboxes', options: HOLIDAYS.map(([value, label]) => option(value, label)) },
        true,
      ),
    ],
    // The blocks are built from plain objects above; @slack/types' element unions cannot follow the
    // spread of `action_id` into each element, so the whole view is asserted once here.
  } as types.ModalView;
}

/** The state Slack sends with a view submission: block id → action id → the element's value. */
export type DigestModalValues = Record<string, Record<string, ViewStateValue>>;

/** The submission as the channel it is for and the `/digest add …` line to run there. */
export function digestCommandFromModal(values: DigestModalValues): { channelId: string; line: string } {
  const field = (block: string) => values[block]?.value;
  const channelId = field('channel')?.selected_conversation ?? '';
  const time = field('time')?.selected_time ?? '';
  const days = field('days')?.selected_option?.value ?? 'mon-fri';
  const zone = field('zone')?.selected_option?.value ?? '';
  const template = field('template')?.selected_option?.value ?? '';
  const skip = (field('holidays')?.selected_options ?? []).map((o) => o.value).filter(Boolean);
  const words = ['/digest add', time, days, zone, template, skip.length > 0 ? `skip:${skip.join(',')}` : ''];
  return { channelId, line: words.filter(Boolean).join(' ') };
}

/** True for `/digest add` typed with nothing after it: the case the modal is for. */
export function wantsDigestModal(command: string, text: string): boolean {
  return command.replace(/^\//, '') === 'digest' && /^\s*add\s*$/i.test(text);
}

export async function openDigestModal(client: WebClient, triggerId: string, view: types.ModalView) {
  await client.views.open({ trigger_id: triggerId, view });
}

export interface DigestModalDeps {
  readonly commands: readonly Command[];
  readonly contextFor: (caller: Caller) => CommandContext;
  readonly managers: SlackManagerCheck;
  readonly log: Logger;
}

/**
 * Handles the modal's submission: runs `/digest add …` as the submitting user in the chosen
 * channel (so the manager check and the audit log are the command's own). A user error is shown
 * in the modal beside the time; a scheduled digest is announced in the channel, like the command.
 */
export function digestModalSubmission(deps: DigestModalDeps): (args: ViewArgs) => Promise<void> {
  return async ({ ack, body, view, client }) => {
    const { channelId, line } = digestCommandFromModal(view.state.values);
    const caller: Caller = {
      platform: 'slack',
      userId: body.user.id,
      channelId,
      isManager: await deps.managers.isManager(body.user.id),
    };
    const { reply, outcome } = await dispatch(line, deps.commands, deps.contextFor(caller));
    if (outcome !== 'answer') {
      await ack({ response_action: 'errors', errors: { time: reply.document.title } });
      return;
    }
    await ack();
    const [message] = renderSlack(reply.document);
    if (!message) return;
    try {
      const payload = {
        channel: channelId,
        text: message.text,
        blocks: message.blocks as types.KnownBlock[],
      };
      if (reply.visibility === 'channel') await client.chat.postMessage(payload);
      else await client.chat.postEphemeral({ ...payload, user: body.user.id });
    } catch (error) {
      deps.log.warn(
        { err: error, channel: channelId },
        'digest scheduled, but the confirmation was not posted',
      );
    }
  };
}
