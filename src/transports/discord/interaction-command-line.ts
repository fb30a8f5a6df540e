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
  const text = interactionCommandText(name, options, registry);
  return text === '' ? `/${name}` : `/${name} ${text}`;
}

/** The command line's text after the command name: what `dispatchCommand` takes. */
export function interactionCommandText(
  name: string,
  options: readonly InteractionOption[],
  registry: readonly Command[],
): string {
  const command = registry.find((c) => c.name === name);
  const sub = options.find((o) => o.type === SUBCOMMAND_OPTION_TYPE);
  if (sub === undefined) return orderedValues(command?.options ?? [], options).join(' ');
  const specs = command?.subcommands?.find((s) => s.name === sub.name)?.options ?? [];
  return [sub.name, ...orderedValues(specs, sub.options ?? [])].join(' ');
}

function orderedValues(specs: readonly OptionSpec[], given: readonly InteractionOption[]): string[] {
  const values: string[] = [];
  for (const spec of specs)
    add(
      values,
      given.find((o) => o.name === spec.name),
    );
  // Options the registry no longer declares (a stale registration) still reach the command, last.
  for (const option of given) if (!specs.some((spec) => spec.name === option.name)) add(values, option);
  return values;
}

function add(values: string[], option: InteractionOption | undefined): void {
  const value = option?.value === undefined ? '' : String(option.value).trim();
  if (value !== '') values.push(value);
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
