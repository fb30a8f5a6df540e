import { InteractionResponseType } from 'discord.js';
import { POST_BRIEF_ACTION_ID, postedBrief } from '../../../commands/brief.ts';
import type { Caller, CommandContext } from '../../command/command.ts';
import type { ChannelPoster } from '../../delivery/channel-poster.ts';
import { DeliveryError, mayHaveArrived } from '../../delivery/channel-poster.ts';
import { UserError } from '../../errors.ts';
import type { Logger } from '../../log/logger.ts';
import { discordCaller } from './discord-caller.ts';
import type { DiscordInteraction } from './discord-interaction.ts';
import { discordPayloads, parseCustomId } from './discord-payload.ts';
import { type InteractionResponder, notice, type Webhook } from './interaction-responder.ts';

interface ComponentDeps {
  readonly contextFor: (caller: Caller) => CommandContext;
  readonly log: Logger;
  readonly managerRoleId?: string | undefined;
  readonly poster: () => ChannelPoster | undefined;
  readonly webhook: Webhook;
  /** Previews whose "Post to channel" is being handled, so a double click posts once. */
  readonly inFlight: Set<string>;
}

/**
 * A button click. "Post to channel" (`post_brief:<template>`) first removes the button from the
 * preview, so it cannot be pressed again, then composes the brief again from the cached data and
 * posts it through the channel poster (or, without a bot token, as a public follow-up).
 */
export async function handleComponent(
  interaction: DiscordInteraction,
  responder: InteractionResponder,
  deps: ComponentDeps,
): Promise<void> {
  const { id, value } = parseCustomId(interaction.data?.custom_id ?? '');
  if (id !== POST_BRIEF_ACTION_ID) {
    await responder.respond(notice('That button no longer does anything. Run the command again.'), []);
    return;
  }
  const key = interaction.message?.id ?? interaction.id;
  if (deps.inFlight.has(key)) {
    await responder.respond({ type: InteractionResponseType.DeferredMessageUpdate }, []);
    return;
  }
  deps.inFlight.add(key);
  try {
    await responder.respond({ type: InteractionResponseType.UpdateMessage, data: { components: [] } }, []);
    const caller = discordCaller(interaction, deps.managerRoleId);
    const document = await postedBrief(value, deps.contextFor(caller));
    const poster = deps.poster();
    if (poster) {
      await poster.post(caller.channelId, document);
    } else {
      for (const payload of discordPayloads(document)) await deps.webhook.followUp(interaction, payload);
    }
  } catch (error) {
    deps.log.warn({ err: error, interaction: interaction.id, template: value }, 'posting the brief failed');
    const [message] = discordPayloads(
      { title: 'The brief was not posted', blocks: [{ kind: 'text', text: reason(error) }], footer: [] },
      { ephemeral: true },
    );
    if (message) await deps.webhook.followUp(interaction, message);
  } finally {
    deps.inFlight.delete(key);
  }
}

function reason(error: unknown): string {
  if (error instanceof UserError) return [error.message, error.hint].filter(Boolean).join(' ');
  if (error instanceof DeliveryError && error.permanent) {
    return 'briefbot may not post in this channel. Give it View Channel, Send Messages, Embed Links and Attach Files here, then run /brief again.';
  }
  if (error instanceof DeliveryError && mayHaveArrived(error)) {
    return 'Discord did not confirm the post, so it may have arrived anyway. Check the channel before you run /brief again.';
  }
  return 'Discord did not take the message. Run /brief again in a minute.';
}
