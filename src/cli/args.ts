import { parseArgs } from 'node:util';
import { UserError } from '../errors.ts';

export const FORMATS = ['text', 'markdown', 'slack', 'discord'] as const;
export type Format = (typeof FORMATS)[number];

export interface CliOptions {
  readonly positionals: string[];
  readonly format: Format;
  readonly saveAttachments?: string;
  readonly template?: string;
  readonly asOf?: string;
  readonly guild?: string;
}

/** Parses the flags every subcommand shares; unknown flags are a user error, not ignored. */
export function parseCliOptions(args: readonly string[]): CliOptions {
  let parsed: ReturnType<typeof parseFlags>;
  try {
    parsed = parseFlags(args);
  } catch (error) {
    throw new UserError(
      'BAD_ARGUMENT',
      error instanceof Error ? error.message : String(error),
      'Run briefbot --help for the options.',
    );
  }
  const { values, positionals } = parsed;
  const format = values.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UserError('BAD_ARGUMENT', `Unknown format "${format}".`, `Use --format ${FORMATS.join('|')}.`);
  }
  return {
    positionals,
    format: format as Format,
    ...(values['save-attachments'] ? { saveAttachments: values['save-attachments'] } : {}),
    ...(values.template ? { template: values.template } : {}),
    ...(values['as-of'] ? { asOf: values['as-of'] } : {}),
    ...(values.guild ? { guild: values.guild } : {}),
  };
}

function parseFlags(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      'save-attachments': { type: 'string' },
      template: { type: 'string' },
      'as-of': { type: 'string' },
      guild: { type: 'string' },
    },
  });
}
