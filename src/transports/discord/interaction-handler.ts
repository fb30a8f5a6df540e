import { InteractionResponseType, InteractionType, type REST } from 'discord.js';
import type { Caller, Command, CommandContext } from '../../command/command.ts';
import { dispatchCommand } from '../../command/dispatch.ts';
import { within } from '../../command/within.ts';
import type { ChannelPoster } from '../../delivery/channel-poster.ts';
import type { Reply } from '../../domain/document.ts';
import type { Logger } from '../../log/logger.ts';
import { suggest } from './autocomplete.ts';
import { discordCaller } from './discord-caller.ts';
import type { DiscordInteraction } from './discord-interaction.ts';
import { type DiscordPayload, discordPayloads, EPHEMERAL_FLAG } from './discord-payload.ts';
import { focusedOption, interactionCommandText } from './interaction-command-line.ts';
import { createWebhook, type InteractionResponder, notice } from './interaction-responder.ts';
import { handleComponent } from './post-brief-action.ts';

/**
 * Discord fails an interaction not answered within 3 s. A command that has its answer within this
 * budget is answered at once; a slower one is deferred and its answer edited in, leaving a second
 * of margin for the network.
 */
export const REPLY_BUDGET_MS = 2_000;

export interface InteractionHandlerDeps {
  readonly registry: readonly Command[];
  readonly contextFor: (caller: Caller) => CommandContext;
  /** For edits and follow-ups through the interaction webhook, which need no bot token. */
  readonly rest: REST;
  readonly log: Logger;
  readonly managerRoleId?: string | undefined;
  readonly replyBudgetMs?: number;
  /** The channel poster for "Post to channel", when a bot token is configured. */
  readonly poster: () => ChannelPoster | undefined;
  readonly templates: () => Promise<readonly string[]>;
}

export interface InteractionHandler {
  handle(interaction: DiscordInteraction, responder: InteractionResponder): Promise<void>;
}

/**
 * The one interaction pipeline behind the gateway and the HTTP endpoint: slash commands run through
 * `dispatch` like on every platform, autocomplete answers from the domain lists, and buttons route on
 * their action id. Never throws; failures are logged with the interaction id (never its token).
 */
export function createInteractionHandler(deps: InteractionHandlerDeps): InteractionHandler {
  const budgetMs = deps.replyBudgetMs ?? REPLY_BUDGET_MS;
  const webhook = createWebhook(deps.rest);
  const inFlight = new Set<string>();

  async function onCommand(interaction: DiscordInteraction, responder: InteractionResponder): Promise<void> {
    const caller = discordCaller(interaction, deps.managerRoleId);
    const name = interaction.data?.name ?? '';
    const text = interactionCommandText(name, interaction.data?.options ?? [], deps.registry);
    const work = dispatchCommand(name, text, deps.registry, deps.contextFor(caller));
    const early = await within(work, budgetMs);
    if (early !== undefined) {
      const [first, ...more] = payloadsOf(early.reply);
      if (first !== undefined && (first.files.length === 0 || responder.uploads)) {
        await responder.respond(
          { type: InteractionResponseType.ChannelMessageWithSource, data: first.body },
          first.files,
        );
        for (const payload of more) await webhook.followUp(interaction, payload);
        return;
      }
      // Ready, but carrying files the HTTP answer cannot: deferred with the answer's own visibility,
      // so a private preview stays private without a public placeholder, then edited in.
      const ephemeral = early.reply.visibility === 'ephemeral';
      await responder.respond(
        {
          type: InteractionResponseType.DeferredChannelMessageWithSource,
          ...(ephemeral ? { data: { flags: EPHEMERAL_FLAG } } : {}),
        },
        [],
      );
      await editIn(interaction, payloadsOf(early.reply));
      return;
    }
    // Deferred in the channel: the answer's visibility is not known yet (see completeDeferred).
    await responder.respond({ type: InteractionResponseType.DeferredChannelMessageWithSource }, []);
    const { reply } = await work;
    await completeDeferred(interaction, reply);
  }

  /** The first message edited into the deferred original (whose visibility is fixed), the rest followed up. */
  async function editIn(interaction: DiscordInteraction, payloads: readonly DiscordPayload[]): Promise<void> {
    const [first, ...more] = payloads;
    if (first !== undefined) {
      const { flags: _fixedByTheDeferral, ...body } = first.body;
      await webhook.editOriginal(interaction, { body, files: first.files });
    }
    for (const payload of more) await webhook.followUp(interaction, payload);
  }

  /**
   * A deferral fixes the visibility of the original message. A public answer is edited into it; a
   * private one (a preview, a user error) is sent as ephemeral follow-ups and the public "thinking"
   * message is deleted, so nothing private is ever shown to the channel.
   */
  async function completeDeferred(interaction: DiscordInteraction, reply: Reply): Promise<void> {
    const payloads = payloadsOf(reply);
    if (reply.visibility === 'ephemeral') {
      for (const payload of payloads) await webhook.followUp(interaction, payload);
      await webhook.deleteOriginal(interaction);
      return;
    }
    await editIn(interaction, payloads);
  }

  async function onAutocomplete(
    interaction: DiscordInteraction,
    responder: InteractionResponder,
  ): Promise<void> {
    const found = focusedOption(interaction.data?.options ?? []);
    const choices = found
      ? await suggest(found.focused, found.siblings, { registry: deps.registry, templates: deps.templates })
      : [];
    await responder.respond(
      { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } },
      [],
    );
  }

  return {
    async handle(interaction, responder) {
      try {
        switch (interaction.type) {
          case InteractionType.Ping:
            await responder.respond({ type: InteractionResponseType.Pong }, []);
            return;
          case InteractionType.ApplicationCommand:
            await onCommand(interaction, responder);
            return;
          case InteractionType.ApplicationCommandAutocomplete:
            await onAutocomplete(interaction, responder);
            return;
          case InteractionType.MessageComponent:
            await handleComponent(interaction, responder, { ...deps, webhook, inFlight });
            return;
          default:
            await responder.respond(notice('briefbot does not handle that kind of interaction.'), []);
        }
      } catch (error) {
        deps.log.error(
          {
            err: error,
            interaction: interaction.id,
            type: interaction.type,
            command: interaction.data?.name,
          },
          'discord interaction failed',
        );
      }
    },
  };
}

function payloadsOf(reply: Reply): readonly DiscordPayload[] {
  return discordPayloads(reply.document, {
    ephemeral: reply.visibility === 'ephemeral',
    ...(reply.actions ? { actions: reply.actions } : {}),
  });
}
