import type { AckFn, RespondArguments, RespondFn, SlashCommand } from '@slack/bolt';
import type { Caller, Command, CommandContext } from '../../command/command.ts';
import { type Dispatched, dispatchCommand } from '../../command/dispatch.ts';
import { within } from '../../command/within.ts';
import type { Image, Reply } from '../../domain/document.ts';
import type { Logger } from '../../log/logger.ts';
import { wantsDigestModal } from './digest-modal.ts';
import { imagesOf } from './slack-channel-poster.ts';
import type { SlackManagerCheck } from './slack-manager-check.ts';
import { ephemeralText, respondArgs, slackResponses, workingNote } from './slack-reply.ts';
import type { CommandArgs } from './slack-router.ts';

/**
 * How long a command may run before we stop waiting and acknowledge with a working note. Slack
 * shows an error after 3 seconds without an acknowledgement; this leaves a second for the network
 * and Bolt's own work.
 */
export const SLACK_ACK_BUDGET_MS = 2_000;

/** A response_url takes at most five posts (Slack, "Responding to slash commands"). */
const RESPONSE_URL_POSTS = 5;

export interface SlashCommandDeps {
  readonly commands: readonly Command[];
  readonly contextFor: (caller: Caller) => CommandContext;
  readonly managers: SlackManagerCheck;
  /** Opens the scheduling form for a bare `/digest add`; absent where forms are not offered. */
  readonly openDigestModal?: (payload: SlashCommand) => Promise<void>;
  /** Uploads a reply's images to the channel (files API). */
  readonly uploadImages: (channelId: string, images: readonly Image[]) => Promise<void>;
  readonly log: Logger;
  readonly ackBudgetMs?: number;
}

/**
 * Every command in the registry as its own slash command (`/yield`, `/curve`, …): one handler that
 * looks the name up, for the router to call with every slash command Slack sends.
 */
export function slashCommandHandler(deps: SlashCommandDeps): (args: CommandArgs) => Promise<void> {
  const names = new Map(deps.commands.map((command) => [`/${command.name}`, command.name]));
  return async ({ command: payload, ack, respond }) => {
    const name = names.get(payload.command);
    if (name !== undefined) return answer(name, payload, ack, respond, deps);
    // A command in the app's configuration that this version does not serve (an older manifest).
    deps.log.warn({ command: payload.command }, 'unknown Slack slash command');
    await ack(
      respondArgs(ephemeralText(`${payload.command} is not a briefbot command. Type /help for the list.`)),
    );
  };
}

async function answer(
  name: string,
  payload: SlashCommand,
  ack: AckFn<string | RespondArguments>,
  respond: RespondFn,
  deps: SlashCommandDeps,
): Promise<void> {
  // Built only when something goes wrong: a child logger per answered command is measurable.
  const log = lazyChild(deps.log, { command: name, user: payload.user_id, channel: payload.channel_id });
  if (deps.openDigestModal && wantsDigestModal(name, payload.text)) {
    // The form needs the trigger id within 3 seconds; acknowledging first keeps Slack from erroring.
    await ack();
    await deps
      .openDigestModal(payload)
      .catch((error: unknown) => log().error({ err: error }, 'could not open the digest form'));
    return;
  }
  const acknowledgement = new Acknowledgement(ack);
  const work = run(name, payload, deps);
  const quick = await within(work, deps.ackBudgetMs ?? SLACK_ACK_BUDGET_MS);
  try {
    if (quick) {
      await deliver(quick.reply, payload.channel_id, { ack: acknowledgement, respond }, deps, log);
      return;
    }
    await acknowledgement.send(respondArgs(workingNote(name)));
    await deliver((await work).reply, payload.channel_id, { respond }, deps, log);
  } catch (error) {
    log().error({ err: error }, 'slack reply failed');
    const sorry = respondArgs(ephemeralText('The answer could not be delivered. Try again in a minute.'));
    await (acknowledgement.sent ? respond(sorry) : acknowledgement.send(sorry)).catch((failure: unknown) =>
      log().warn({ err: failure }, 'could not tell the user either'),
    );
  }
}

/** The request's acknowledgement, remembering whether it has gone (then only response_url is left). */
class Acknowledgement {
  sent = false;
  constructor(private readonly ack: AckFn<string | RespondArguments>) {}

  send(body: string | RespondArguments): Promise<void> {
    this.sent = true;
    return this.ack(body);
  }
}

/** The caller's role lookup counts against the budget too: it is part of answering. */
async function run(name: string, payload: SlashCommand, deps: SlashCommandDeps): Promise<Dispatched> {
  const caller: Caller = {
    platform: 'slack',
    userId: payload.user_id,
    channelId: payload.channel_id,
    isManager: await deps.managers.isManager(payload.user_id),
  };
  return dispatchCommand(name, payload.text ?? '', deps.commands, deps.contextFor(caller));
}

function lazyChild(log: Logger, bindings: Record<string, string>): () => Logger {
  let child: Logger | undefined;
  return () => {
    child ??= log.child(bindings);
    return child;
  };
}

/**
 * The first message goes in the acknowledgement when there still is one, the rest through the
 * response_url. Images follow as file uploads for replies the channel sees; an ephemeral reply
 * cannot carry a channel upload, so it keeps the renderer's text stand-in for the chart.
 */
async function deliver(
  reply: Reply,
  channelId: string,
  send: { ack?: Acknowledgement; respond: RespondFn },
  deps: SlashCommandDeps,
  log: () => Logger,
): Promise<void> {
  const responses = slackResponses(reply);
  if (responses.length > RESPONSE_URL_POSTS) {
    log().warn({ parts: responses.length }, 'reply longer than a response_url takes; the tail is dropped');
  }
  const [first, ...rest] = responses.slice(0, RESPONSE_URL_POSTS);
  if (first) await (send.ack ? send.ack.send(respondArgs(first)) : send.respond(respondArgs(first)));
  for (const message of rest) await send.respond(respondArgs(message));
  const images = imagesOf(reply.document);
  if (reply.visibility !== 'channel' || images.length === 0) return;
  try {
    await deps.uploadImages(channelId, images);
  } catch (error) {
    log().warn({ err: error }, 'chart upload failed');
    await send.respond(
      respondArgs(
        ephemeralText(
          'The chart could not be attached here. Invite me with /invite @briefbot and try again.',
        ),
      ),
    );
  }
}
