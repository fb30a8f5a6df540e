import type { TokenUsage } from '../store/store.ts';

/**
 * Tokens spent on summaries today (UTC), against a daily limit. A call starts only while the day's
 * total is under the limit; the call that crosses it still counts, so a day may end slightly over
 * (by at most one call per instance that checked at the same moment). The totals live in the store
 * (`TokenUsage`): every instance on one database shares the one budget, and a restart keeps the
 * day's count.
 */
export interface DailyTokenBudget {
  readonly limitTokens: number;
  /** Tokens spent today, by every instance on the store: a call may start while this is under the limit. */
  used(): Promise<number>;
  /** Adds a call's tokens to today's total and returns the new total. */
  record(tokens: number): Promise<number>;
}

export function createDailyTokenBudget(options: {
  readonly limitTokens: number;
  readonly usage: TokenUsage;
  readonly now?: () => Date;
}): DailyTokenBudget {
  const now = options.now ?? (() => new Date());
  const today = () => now().toISOString().slice(0, 10);
  const { usage } = options;
  return {
    limitTokens: options.limitTokens,
    used: () => usage.total(today()),
    async record(tokens) {
      const day = today();
      if (!Number.isFinite(tokens) || tokens <= 0) return usage.total(day);
      return usage.add(day, Math.round(tokens));
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
