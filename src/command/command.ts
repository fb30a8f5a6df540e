import type { AlertRepository } from '../alerts/alert-repository.ts';
import type { Document, Reply } from '../domain/document.ts';
import type { Logger } from '../log/logger.ts';
import type { MarketService } from '../market/market-service.ts';
import type { Store } from '../store/store.ts';
import type { SummariseBrief } from '../summary/brief-summaries.ts';

/** Who is asking, and where. Transports fill this in from their platform's payload. */
export interface Caller {
  readonly platform: 'console' | 'slack' | 'discord';
  readonly userId: string;
  readonly channelId: string;
  /** May manage this channel's schedules and channel-wide alerts. */
  readonly isManager: boolean;
}

export interface CommandContext {
  readonly market: MarketService;
  readonly caller: Caller;
  readonly now: () => Date;
  readonly sigmaWindowDays: number;
  readonly timeZone: string;
  readonly log: Logger;
  /** This channel's alerts (and everyone else's): rules, state and what fired. */
  readonly alerts: AlertRepository;
  /** The grounded LLM lead for a brief; absent in tests that do not need it. */
  readonly summariseBrief?: SummariseBrief;
  /** Schedules, the delivery ledger and the audit log (`/digest`). */
  readonly store: Store;
  /** Told of every dispatched command, for metrics. */
  readonly observe?: (event: {
    command: string;
    outcome: 'answer' | 'user-error' | 'internal-error';
    durationMs: number;
  }) => void;
}

/** One typed option, so Discord can offer choices and autocomplete for the same grammar. */
export interface OptionSpec {
  readonly name: string;
  readonly description: string;
  readonly required: boolean;
  readonly choices?: readonly string[];
  readonly autocomplete?: boolean;
}

/** One verb of a command with subcommands, with the options it takes. */
export interface SubcommandSpec {
  readonly name: string;
  readonly description: string;
  readonly options: readonly OptionSpec[];
}

/**
 * A command is defined once and served by every transport. `run` gets the text after the command
 * name (Discord options are joined in declared order into the same text) and throws `UserError`
 * for bad input.
 */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly examples: readonly string[];
  readonly options: readonly OptionSpec[];
  /**
   * Verbs of a command such as `/alert add|list|remove`, for platforms with subcommands (Discord).
   * When present, Discord registers these instead of `options` and joins the subcommand name and
   * its options, in declared order, into the same text (`add 40y above 4.2`).
   */
  readonly subcommands?: readonly SubcommandSpec[];
  run(text: string, context: CommandContext): Promise<Reply>;
}

export function defineCommand(command: Command): Command {
  return command;
}

/** A reply to the caller only. */
export function privateReply(document: Document): Reply {
  return { document, visibility: 'ephemeral' };
}

export function publicReply(document: Document): Reply {
  return { document, visibility: 'channel' };
}
