/**
 * Tokens spent on summaries today (UTC), against a daily limit. A call starts only while the day's
 * total is under the limit; the call that crosses it still counts, so a day may end slightly over.
 * Kept in memory: each instance has its own budget, and a restart starts the day's count afresh.
 */
export interface DailyTokenBudget {
  readonly limitTokens: number;
  /** Tokens spent today. */
  used(): number;
  exhausted(): boolean;
  record(tokens: number): void;
}

export function createDailyTokenBudget(options: {
  readonly limitTokens: number;
  readonly now?: () => Date;
}): DailyTokenBudget {
  const now = options.now ?? (() => new Date());
  let day = '';
  let spent = 0;
  const today = () => {
    const current = now().toISOString().slice(0, 10);
    if (current !== day) {
      day = current;
      spent = 0;
    }
  };
  return {
    limitTokens: options.limitTokens,
    used() {
      today();
      return spent;
    },
    exhausted() {
      today();
      return spent >= options.limitTokens;
    },
    record(tokens) {
      today();
      if (Number.isFinite(tokens) && tokens > 0) spent += tokens;
    },
  };
}
