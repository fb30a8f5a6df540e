import {
  ApplicationIntegrationType,
  InteractionContextType,
  type REST,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  Routes,
  SlashCommandBuilder,
  type SlashCommandStringOption,
  type SlashCommandSubcommandBuilder,
} from 'discord.js';
import type { Command, OptionSpec } from '../../command/command.ts';

/** Discord's limits on command and option descriptions and on choices per option. */
const DESCRIPTION_CHARS = 100;
const MAX_CHOICES = 25;

export interface RegistrationOptions {
  /**
   * Choices known only at registration time, by option name (`template` → the template library's
   * names), for options the registry declares without choices or autocomplete.
   */
  readonly dynamicChoices?: Readonly<Record<string, readonly string[]>>;
}

/**
 * The registry as Discord slash commands, built with discord.js's `SlashCommandBuilder` so its own
 * validation (names, lengths, choices, option counts) runs on every command. Every option is a
 * string, because every transport feeds the same text grammar; required options are listed first
 * because Discord refuses them after optional ones (the text is still joined in declared order).
 */
export function discordCommandPayloads(
  registry: readonly Command[],
  options: RegistrationOptions = {},
): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return registry.map((command) => {
    const builder = new SlashCommandBuilder()
      .setName(command.name)
      .setDescription(fitDescription(command.summary))
      .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
      .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);
    if (command.subcommands !== undefined && command.subcommands.length > 0) {
      for (const sub of command.subcommands) {
        builder.addSubcommand((s: SlashCommandSubcommandBuilder) => {
          s.setName(sub.name).setDescription(fitDescription(sub.description));
          for (const spec of requiredFirst(sub.options))
            s.addStringOption((o) => stringOption(o, spec, options));
          return s;
        });
      }
    } else {
      for (const spec of requiredFirst(command.options)) {
        builder.addStringOption((o) => stringOption(o, spec, options));
      }
    }
    return builder.toJSON();
  });
}

/** Bulk overwrite: the commands Discord knows become exactly the registry, in a guild or globally. */
export async function registerDiscordCommands(args: {
  readonly rest: REST;
  readonly applicationId: string;
  readonly guildId?: string;
  readonly registry: readonly Command[];
  readonly options?: RegistrationOptions;
}): Promise<readonly { name: string; id: string }[]> {
  const route =
    args.guildId === undefined
      ? Routes.applicationCommands(args.applicationId)
      : Routes.applicationGuildCommands(args.applicationId, args.guildId);
  const registered = (await args.rest.put(route, {
    body: discordCommandPayloads(args.registry, args.options),
  })) as readonly { name: string; id: string }[];
  return registered.map(({ name, id }) => ({ name, id }));
}

function stringOption(
  option: SlashCommandStringOption,
  spec: OptionSpec,
  registration: RegistrationOptions,
): SlashCommandStringOption {
  option.setName(spec.name).setDescription(fitDescription(spec.description)).setRequired(spec.required);
  const choices =
    spec.choices ?? (spec.autocomplete === true ? undefined : registration.dynamicChoices?.[spec.name]);
  if (choices !== undefined && choices.length > 0) {
    option.addChoices(...choices.slice(0, MAX_CHOICES).map((choice) => ({ name: choice, value: choice })));
  } else if (spec.autocomplete === true) {
    option.setAutocomplete(true);
  }
  return option;
}

function requiredFirst(specs: readonly OptionSpec[]): OptionSpec[] {
  return [...specs.filter((s) => s.required), ...specs.filter((s) => !s.required)];
}

function fitDescription(text: string): string {
  const clean = text.trim() === '' ? '—' : text.trim();
  return clean.length <= DESCRIPTION_CHARS ? clean : `${clean.slice(0, DESCRIPTION_CHARS - 1)}…`;
}
