import { randomBytes } from 'node:crypto';
import type { Document, Reply } from '../domain/document.ts';
import { SourceError, UserError } from '../errors.ts';
import type { Command, CommandContext } from './command.ts';
import { clip } from './resolvers.ts';

export type Outcome = 'answer' | 'user-error' | 'internal-error';

export interface Dispatched {
  readonly reply: Reply;
  readonly outcome: Outcome;
  /** The command that ran, when the input named one. */
  readonly command?: string;
}

/** Longer arguments are refused before any parsing: no command needs more. */
export const MAX_ARGUMENT_CHARS = 500;

/** Splits "/yield 40y" into the command name and its text. The slash is optional. */
export function splitCommandLine(input: string): { name: string; text: string } {
  const trimmed = input.trim().replace(/^\//, '');
  const space = trimmed.search(/\s/);
  return space < 0
    ? { name: trimmed.toLowerCase(), text: '' }
    : { name: trimmed.slice(0, space).toLowerCase(), text: trimmed.slice(space + 1).trim() };
}

/**
 * Runs one command line through the registry. Never throws: a `UserError` becomes a private reply
 * that says what to type instead; anything else is logged with a reference id and replaced by a
 * short apology, so no stack trace reaches a channel.
 */
export function dispatch(
  input: string,
  registry: readonly Command[],
  context: CommandContext,
): Promise<Dispatched> {
  const { name, text } = splitCommandLine(input);
  return dispatchCommand(name, text, registry, context);
}

/** `dispatch` for a transport that receives the command's name and its text apart (Slack, Discord). */
export async function dispatchCommand(
  name: string,
  text: string,
  registry: readonly Command[],
  context: CommandContext,
): Promise<Dispatched> {
  const started = performance.now();
  const result = await run(name.toLowerCase(), text.trim(), registry, context);
  context.observe?.({
    command: result.command ?? 'unknown',
    outcome: result.outcome,
    durationMs: performance.now() - started,
  });
  return result;
}

async function run(
  name: string,
  text: string,
  registry: readonly Command[],
  context: CommandContext,
): Promise<Dispatched> {
  const command = registry.find((c) => c.name === name);
  try {
    if (!command) {
      const list = registry.map((c) => `/${c.name}`).join(', ');
      throw new UserError(
        'UNKNOWN_COMMAND',
        name ? `There is no /${clip(name)} command.` : 'Type a command.',
        `Commands: ${list}. Try /help.`,
      );
    }
    if (text.length > MAX_ARGUMENT_CHARS) {
      throw new UserError(
        'TOO_LONG',
        `That is ${text.length.toLocaleString('en-US')} characters; /${command.name} takes a few words.`,
        `Type ${command.usage}`,
      );
    }
    const reply = await command.run(text, context);
    return { reply, outcome: 'answer', command: command.name };
  } catch (error) {
    const base = command ? { command: command.name } : {};
    if (error instanceof UserError) {
      return {
        ...base,
        outcome: 'user-error',
        reply: { visibility: 'ephemeral', document: userErrorDocument(error) },
      };
    }
    const reference = randomBytes(4).toString('hex');
    context.log.error(
      { err: error, reference, command: name, input: clip(`/${name} ${text}`, 200), caller: context.caller },
      'command failed',
    );
    return {
      ...base,
      outcome: 'internal-error',
      reply: { visibility: 'ephemeral', document: internalErrorDocument(error, reference) },
    };
  }
}

export function userErrorDocument(error: UserError): Document {
  return {
    title: error.message,
    blocks: error.hint ? [{ kind: 'text', text: error.hint }] : [],
    footer: [],
  };
}

function internalErrorDocument(error: unknown, reference: string): Document {
  const text =
    error instanceof SourceError
      ? `The data source is not answering right now, and there is no earlier copy to show. Try again in a few minutes (ref ${reference}).`
      : `Something went wrong on our side (ref ${reference}). It has been logged; try again in a minute.`;
  return { title: 'Something went wrong', blocks: [{ kind: 'text', text }], footer: [] };
}
