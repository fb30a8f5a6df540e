import type { AlertCondition, AlertRule, AlertState } from './alert-rule.ts';

/** The latest figures for an alert's subject, as the analytics computed them. */
export interface AlertObservation {
  /** Identifies the observation: the date for end-of-day yields, the as-of instant for prices. */
  readonly key: string;
  readonly value: number;
  /** Daily change: bp for yields, percent for prices. */
  readonly change?: number;
  readonly sigma?: number;
  /** The date since which this is the highest (or lowest) value, and whether it is a series record. */
  readonly highest?: ObservedExtreme;
  readonly lowest?: ObservedExtreme;
  readonly asOf: string;
  readonly source: string;
}

export interface ObservedExtreme {
  readonly since: string;
  readonly record: boolean;
  /**
   * Only part of the series is loaded (the US curve), and nothing in it was as extreme: `since` is
   * where the loaded history starts, so the stretch is at least that long, and whether this is a
   * record for the series cannot be known.
   */
  readonly atLeast?: boolean;
}

export interface AlertTuning {
  /** A level alert re-arms only after the value retreats this far past the level (yields: percent points). */
  readonly yieldHysteresis: number;
  /** The same for prices, as a fraction of the level. */
  readonly priceHysteresisFraction: number;
  /** No alert fires twice within this long, whatever the data does. */
  readonly cooldownMs: number;
}

export const ALERT_TUNING = {
  yieldHysteresis: 0.02,
  priceHysteresisFraction: 0.005,
  cooldownMs: 6 * 3_600_000,
} as const satisfies AlertTuning;

export interface Evaluation {
  readonly state: AlertState;
  /** Set when the alert fires on this observation. */
  readonly fired?: { readonly reason: string };
}

/**
 * One step of an alert's state machine. Pure: the same rule, state and observation always give the
 * same answer, so pinned sequences of data test it completely.
 */
export function evaluateAlert(
  rule: AlertRule,
  state: AlertState,
  observation: AlertObservation,
  now: Date,
  tuning: AlertTuning = ALERT_TUNING,
): Evaluation {
  const condition = rule.condition;
  const coolingDown =
    state.lastFiredAt !== undefined && now.getTime() - Date.parse(state.lastFiredAt) < tuning.cooldownMs;
  const fire = (reason: string, next: Partial<AlertState>): Evaluation =>
    coolingDown
      ? { state }
      : { state: { ...state, ...next, lastFiredAt: now.toISOString() }, fired: { reason } };

  if (condition.kind === 'above' || condition.kind === 'below') {
    const margin =
      rule.subject.kind === 'yield'
        ? tuning.yieldHysteresis
        : condition.level * tuning.priceHysteresisFraction;
    const beyond =
      condition.kind === 'above' ? observation.value > condition.level : observation.value < condition.level;
    const retreated =
      condition.kind === 'above'
        ? observation.value < condition.level - margin
        : observation.value > condition.level + margin;
    if (!state.armed) return retreated ? { state: { ...state, armed: true } } : { state };
    return beyond ? fire(`${condition.kind} ${condition.level}`, { armed: false }) : { state };
  }

  if (state.lastKey === observation.key) return { state };
  const reason = eventReason(condition, observation);
  return reason ? fire(reason, { lastKey: observation.key }) : { state };
}

function eventReason(condition: AlertCondition, observation: AlertObservation): string | undefined {
  switch (condition.kind) {
    case 'move':
      return observation.change !== undefined && Math.abs(observation.change) >= condition.size
        ? 'move'
        : undefined;
    case 'sigma':
      return observation.sigma !== undefined && Math.abs(observation.sigma) >= condition.size
        ? 'sigma'
        : undefined;
    case 'record': {
      for (const extreme of [observation.highest, observation.lowest]) {
        if (!extreme) continue;
        if (
          condition.years === undefined
            ? extreme.record
            : yearsBetween(extreme.since, observation.asOf) >= condition.years || extreme.record
        ) {
          return extreme === observation.highest ? 'high' : 'low';
        }
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/** Years from `date` to the observation (not to now: a feed that is behind must not stretch them). */
function yearsBetween(date: string, asOf: string): number {
  return (Date.parse(asOf) - Date.parse(`${date}T00:00:00Z`)) / (365.25 * 86_400_000);
}
