import type { Command } from '../src/command/command.ts';
import { alertCommand } from './alert.ts';
import { briefCommand } from './brief.ts';
import { curveCommand } from './curve.ts';
import { digestCommand } from './digest.ts';
import { headlinesCommand } from './headlines.ts';
import { createHelpCommand } from './help.ts';
import { priceCommand } from './price.ts';
import { yieldCommand } from './yield.ts';

/** The command registry. Every transport, the Slack manifest and Discord registration read this list. */
export const COMMANDS: readonly Command[] = [
  yieldCommand,
  curveCommand,
  priceCommand,
  headlinesCommand,
  alertCommand,
  digestCommand,
  briefCommand,
  createHelpCommand(() => COMMANDS),
];
