import type { AlertRule, AlertState } from './alert-rule.ts';

export interface AlertFiring {
  readonly ruleId: string;
  readonly platform: string;
  readonly channelId: string;
  readonly firedAt: string;
  readonly text: string;
}

/** A port for alert rules, their state and what they fired. SQLite and PostgreSQL adapters implement it. */
export interface AlertRepository {
  add(rule: AlertRule): Promise<void>;
  list(platform: string, channelId: string): Promise<AlertRule[]>;
  all(): Promise<AlertRule[]>;
  remove(platform: string, channelId: string, id: string): Promise<boolean>;
  state(id: string): Promise<AlertState | undefined>;
  /**
   * Moves a rule from `expected` to `next` only if nobody else moved it first; false otherwise. This
   * is what makes a firing happen once across restarts and across instances.
   */
  transition(id: string, expected: AlertState | undefined, next: AlertState): Promise<boolean>;
  recordFiring(firing: AlertFiring): Promise<void>;
  firedSince(platform: string, channelId: string, since: Date): Promise<AlertFiring[]>;
}

/** An in-memory repository: for the console, and as the test double of the port. */
export function createMemoryAlertRepository(): AlertRepository {
  const rules = new Map<string, AlertRule>();
  const states = new Map<string, AlertState>();
  const firings: AlertFiring[] = [];
  return {
    async add(rule) {
      rules.set(rule.id, rule);
    },
    async list(platform, channelId) {
      return [...rules.values()].filter((r) => r.platform === platform && r.channelId === channelId);
    },
    async all() {
      return [...rules.values()];
    },
    async remove(platform, channelId, id) {
      const rule = rules.get(id);
      if (!rule || rule.platform !== platform || rule.channelId !== channelId) return false;
      rules.delete(id);
      states.delete(id);
      return true;
    },
    async state(id) {
      return states.get(id);
    },
    async transition(id, expected, next) {
      if (JSON.stringify(states.get(id)) !== JSON.stringify(expected)) return false;
      states.set(id, next);
      return true;
    },
    async recordFiring(firing) {
      firings.push(firing);
    },
    async firedSince(platform, channelId, since) {
      return firings.filter(
        (f) =>
          f.platform === platform && f.channelId === channelId && Date.parse(f.firedAt) >= since.getTime(),
      );
    },
  };
}
