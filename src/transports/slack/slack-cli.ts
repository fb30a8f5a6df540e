import { parseArgs } from 'node:util';
import type { Command } from '../../command/command.ts';
import { UserError } from '../../errors.ts';
import { renderSlackManifest } from './slack-manifest.ts';

const USAGE = 'briefbot slack manifest [--socket | --http] [--url https://your.host]';

/**
 * `briefbot slack manifest`: prints the app manifest. Socket Mode is on with `--socket`, off with
 * `--http`, and otherwise follows the environment (on when SLACK_APP_TOKEN is set).
 */
export function slackCli(
  args: readonly string[],
  deps: { commands: readonly Command[]; appTokenSet: boolean },
): string {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    throw new UserError(
      'BAD_ARGUMENT',
      error instanceof Error ? error.message : String(error),
      `Type ${USAGE}`,
    );
  }
  const { values, positionals } = parsed;
  if (positionals[0] !== 'manifest' || positionals.length > 1) {
    throw new UserError(
      'UNKNOWN_COMMAND',
      'The slack command has one subcommand: manifest.',
      `Type ${USAGE}`,
    );
  }
  if (values.socket && values.http) {
    throw new UserError('BAD_ARGUMENT', 'Choose --socket or --http, not both.', `Type ${USAGE}`);
  }
  if (values.url !== undefined && !/^https:\/\/[^/\s]+/.test(values.url)) {
    throw new UserError(
      'BAD_ARGUMENT',
      'Slack only calls https:// request URLs.',
      'Example: --url https://briefbot.example.com',
    );
  }
  const socketMode = values.socket ?? (values.http ? false : deps.appTokenSet);
  return renderSlackManifest(deps.commands, {
    socketMode,
    ...(values.url === undefined ? {} : { baseUrl: values.url }),
  });
}

function parse(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { socket: { type: 'boolean' }, http: { type: 'boolean' }, url: { type: 'string' } },
  });
}
