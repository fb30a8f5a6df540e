import type { Writable } from 'node:stream';
import { createBriefbot } from '../app.ts';
import { briefFor } from '../briefing/brief-for.ts';
import { loadTemplateLibrary } from '../briefing/template-library.ts';
import { dispatch, userErrorDocument } from '../command/dispatch.ts';
import { resolveDate } from '../command/resolvers.ts';
import { loadConfig } from '../config/config.ts';
import { dateInZone } from '../domain/dates.ts';
import type { Document } from '../domain/document.ts';
import { ConfigError, UserError } from '../errors.ts';
import { createLogger } from '../log/logger.ts';
import { renderText } from '../render/render-text.ts';
import { runServe } from '../serve/run-serve.ts';
import { CONSOLE_CALLER } from '../transports/console-transport.ts';
import { registerFromCli } from '../transports/discord/register-from-cli.ts';
import { slackCli } from '../transports/slack/slack-cli.ts';
import { type CliOptions, parseCliOptions } from './args.ts';
import { formatDocument, saveAttachments } from './output.ts';

export interface CliIo {
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Exit codes: 0 an answer, 2 a user error (the message says what to type instead), 1 an internal error. */
export const EXIT = { ok: 0, internal: 1, user: 2 } as const;

const USAGE = `Usage:
  briefbot serve                         run the bot (console mode when no Slack or Discord token is set)
  briefbot ask "<slash command>" [--format text|markdown|slack|discord] [--save-attachments DIR]
  briefbot brief [--template NAME] [--as-of YYYY-MM-DD] [--format …] [--save-attachments DIR]
  briefbot discord register [--guild ID]  register the slash commands with Discord (guild: at once, for testing)
  briefbot slack manifest [--socket | --http] [--url https://your.host]
`;

export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [subcommand, ...rest] = argv;
  try {
    // `slack` has flags of its own (--socket, --http, --url), so it parses its arguments itself.
    if (subcommand === 'slack') return slackManifest(rest, io);
    const options = parseCliOptions(rest);
    switch (subcommand) {
      case 'serve':
        return await serve(io);
      case 'ask':
        return await ask(options, io);
      case 'brief':
        return await brief(options, io);
      case 'discord':
        return await discordRegister(options, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout.write(USAGE);
        return subcommand === undefined ? EXIT.user : EXIT.ok;
      default:
        throw new UserError('UNKNOWN_COMMAND', `Unknown command "${subcommand}".`, USAGE);
    }
  } catch (error) {
    if (error instanceof UserError) {
      io.stderr.write(`${renderText(userErrorDocument(error))}\n`);
      return EXIT.user;
    }
    if (error instanceof ConfigError) {
      io.stderr.write(`${error.message}\nSee .env.example for every variable and its default.\n`);
      return EXIT.internal;
    }
    io.stderr.write(`Internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.internal;
  }
}

function boot(io: CliIo) {
  const config = loadConfig(io.env);
  const log = createLogger(config.LOG_LEVEL, io.stderr);
  return createBriefbot(config, { log });
}

async function serve(io: CliIo): Promise<number> {
  const bot = boot(io);
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  try {
    await runServe(bot, { stdin: io.stdin, stdout: io.stdout }, stop.signal);
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
  }
  return EXIT.ok;
}

async function ask(options: CliOptions, io: CliIo): Promise<number> {
  const line = options.positionals.join(' ');
  if (line.trim() === '') {
    throw new UserError('MISSING_ARGUMENT', 'Which command?', 'Example: briefbot ask "/yield 40y"');
  }
  const bot = boot(io);
  const { reply, outcome } = await dispatch(line, bot.commands, bot.contextFor(CONSOLE_CALLER));
  io.stdout.write(`${formatDocument(reply.document, options.format)}\n`);
  await writeAttachments(reply.document, options, io);
  return outcome === 'answer' ? EXIT.ok : outcome === 'user-error' ? EXIT.user : EXIT.internal;
}

async function brief(options: CliOptions, io: CliIo): Promise<number> {
  const bot = boot(io);
  const now = () => new Date();
  const timeZone = bot.config.TZ_DEFAULT;
  // --as-of replays a past day: curves from the sources' own history, prices and headlines from the
  // history store once there is one (issue 6); until then those sections say so.
  const asOf =
    options.asOf === undefined ? undefined : resolveDate(options.asOf, dateInZone(now(), timeZone));
  const library = await loadTemplateLibrary();
  for (const problem of library.problems) io.stderr.write(`warning: template skipped: ${problem.message}\n`);
  const { document } = await briefFor({
    market: bot.market,
    library,
    summarize: (snapshot, template) => bot.summariseBrief({ snapshot, template }),
    past: bot.store.history,
    timeZone,
    now,
    sigmaWindowDays: bot.config.SIGMA_WINDOW_DAYS,
    charts: { prices: bot.store.history, log: bot.log },
    ...(options.template === undefined ? {} : { template: options.template }),
    ...(asOf === undefined ? {} : { asOf }),
  });
  io.stdout.write(`${formatDocument(document, options.format)}\n`);
  await writeAttachments(document, options, io);
  return EXIT.ok;
}

/** `--save-attachments DIR`: the document's images (charts) as PNG files, each path on stderr. */
async function writeAttachments(document: Document, options: CliOptions, io: CliIo): Promise<void> {
  if (!options.saveAttachments) return;
  for (const path of await saveAttachments(document, options.saveAttachments))
    io.stderr.write(`saved ${path}\n`);
}

function slackManifest(args: readonly string[], io: CliIo): number {
  const bot = boot(io);
  const appTokenSet = bot.config.SLACK_APP_TOKEN !== undefined;
  io.stdout.write(slackCli(args, { commands: bot.commands, appTokenSet }));
  return EXIT.ok;
}

async function discordRegister(options: CliOptions, io: CliIo): Promise<number> {
  if (options.positionals[0] !== 'register') {
    throw new UserError(
      'UNKNOWN_COMMAND',
      'Unknown discord command.',
      'Type briefbot discord register [--guild ID]',
    );
  }
  const bot = boot(io);
  const registry = bot.commands;
  const guildId = options.guild;
  const summary = await registerFromCli({ config: bot.config, registry, ...(guildId ? { guildId } : {}) });
  io.stdout.write(`${summary}\n`);
  return EXIT.ok;
}

function processIo(): CliIo {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };
}
