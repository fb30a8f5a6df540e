import type { TokenUsage } from '../store/store.ts';

/**
 * Tokens spent on summaries today (UTC), against a daily limit. A call starts only while the day's
 * total is under the limit; calls already under way still count, so a day may end over the limit by
 * the briefs whose calls were in flight at that moment, across all instances. The totals live in
 * the store (`TokenUsage`): every instance on one database shares the one budget, and a restart
 * keeps the day's count.
 */
export interface DailyTokenBudget {
  readonly limitTokens: number;
  /** Tokens spent today, by every instance on the store: a call may start while this is under the limit. */
  used(): Promise<number>;
  /**
   * Adds a call's tokens to today's total and returns the new total (undefined when there was
   * nothing to add). When the write fails, the tokens are still counted by this instance and go
   * into the store with its next write that succeeds; the error is thrown for the caller to log.
   */
  record(tokens: number): Promise<number | undefined>;
}

export function createDailyTokenBudget(options: {
  readonly limitTokens: number;
  readonly usage: TokenUsage;
  readonly now?: () => Date;
}): DailyTokenBudget {
  const now = options.now ?? (() => new Date());
  const today = () => now().toISOString().slice(0, 10);
  const { usage } = options;
  /** Tokens this instance spent but could not write yet, for one day; a past day's are dropped. */
  let unwritten = { day: '', tokens: 0 };
  const unwrittenOn = (day: string) => (unwritten.day === day ? unwritten.tokens : 0);
  return {
    limitTokens: options.limitTokens,
    async used() {
      const day = today();
      return (await usage.total(day)) + unwrittenOn(day);
    },
    async record(tokens) {
      if (!Number.isFinite(tokens) || tokens <= 0) return undefined;
      const day = today();
      // Taken before the write, so concurrent records each carry their own tokens exactly once.
      const carried = unwrittenOn(day);
      unwritten = { day, tokens: 0 };
      const adding = Math.round(tokens) + carried;
      try {
        return await usage.add(day, adding);
      } catch (error) {
        unwritten = { day, tokens: unwrittenOn(day) + adding };
        throw error;
      }
    },
  };
}

/** Totals kept in this process only: for a summariser used without a store (tests, one-off tools). */
export function inMemoryTokenUsage(): TokenUsage {
  const totals = new Map<string, number>();
  return {
    async add(day, tokens) {
      const total = (totals.get(day) ?? 0) + tokens;
      totals.set(day, total);
      return total;
    },
    async total(day) {
      return totals.get(day) ?? 0;
    },
  };
}
