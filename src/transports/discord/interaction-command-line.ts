import type { Command, OptionSpec } from '../../command/command.ts';
import { type InteractionOption, SUBCOMMAND_OPTION_TYPE } from './discord-interaction.ts';

/**
 * The slash command line an interaction stands for, in the one grammar every platform shares:
 * option values joined in the order the registry declares them (Discord may send them in any
 * order), after the subcommand name when there is one. `/yield tenor:40y market:us` → `/yield us 40y`.
 */
export function interactionCommandLine(
  name: string,
  options: readonly InteractionOption[],
  registry: readonly Command[],
): string {
  const command = registry.find((c) => c.name === name);
  const sub = options.find((o) => o.type === SUBCOMMAND_OPTION_TYPE);
  const parts: string[] = [`/${name}`];
  if (sub !== undefined) {
    parts.push(sub.name);
    const specs = command?.subcommands?.find((s) => s.name === sub.name)?.options ?? [];
    parts.push(...orderedValues(specs, sub.options ?? []));
  } else {
    parts.push(...orderedValues(command?.options ?? [], options));
  }
  return parts.join(' ');
}

function orderedValues(specs: readonly OptionSpec[], given: readonly InteractionOption[]): string[] {
  const byName = new Map(given.map((o) => [o.name, o]));
  const declared = specs.map((spec) => byName.get(spec.name));
  // Options the registry no longer declares (a stale registration) still reach the command, last.
  const extra = given.filter((o) => !specs.some((spec) => spec.name === o.name));
  return [...declared, ...extra]
    .map((o) => (o?.value === undefined ? '' : String(o.value).trim()))
    .filter((value) => value !== '');
}

/** The option the user is typing in, for autocomplete, with its siblings (a tenor depends on the market). */
export function focusedOption(
  options: readonly InteractionOption[],
): { focused: InteractionOption; siblings: readonly InteractionOption[] } | undefined {
  const focused = options.find((o) => o.focused === true);
  if (focused) return { focused, siblings: options };
  for (const o of options) {
    const inner = o.type === SUBCOMMAND_OPTION_TYPE ? focusedOption(o.options ?? []) : undefined;
    if (inner) return inner;
  }
  return undefined;
}
