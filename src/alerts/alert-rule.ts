import { ASSET_INFO, type Asset, type Market, type Tenor } from '../domain/instruments.ts';

/** What an alert watches: one yield tenor, or one asset's price. */
export type AlertSubject =
  | { readonly kind: 'yield'; readonly market: Market; readonly tenor: Tenor }
  | { readonly kind: 'price'; readonly asset: Asset };

/** The condition. Levels are in the series' unit (percent for yields, the asset's unit for prices). */
export type AlertCondition =
  | { readonly kind: 'above'; readonly level: number }
  | { readonly kind: 'below'; readonly level: number }
  /** Absolute daily change at least this big: bp for yields, percent for prices. */
  | { readonly kind: 'move'; readonly size: number }
  /** Absolute move of at least this many standard deviations (PRODUCT.md's definition). */
  | { readonly kind: 'sigma'; readonly size: number }
  /** A series record, or the highest/lowest for at least this many years. */
  | { readonly kind: 'record'; readonly years?: number };

export interface AlertRule {
  readonly id: string;
  readonly platform: string;
  readonly channelId: string;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly subject: AlertSubject;
  readonly condition: AlertCondition;
}

/**
 * What the engine remembers between evaluations, persisted so a restart never fires again.
 * `armed` is the hysteresis latch for levels; `lastKey` names the observation an event rule
 * (move, sigma, record) last fired on, so one observation fires once.
 */
export interface AlertState {
  readonly armed: boolean;
  readonly lastFiredAt?: string;
  readonly lastKey?: string;
}

export const INITIAL_STATE: AlertState = { armed: true };

/**
 * Years of the US Treasury curve loaded for certain: the source's current and previous year, of
 * which the first may have just begun. A US record alert can look back this far and no further.
 */
export const US_LOADED_YEARS = 1;

/**
 * Years of the US Treasury curve the primary source gives: its files for the current and the
 * previous calendar year, so the loaded history is never two years long.
 */
const US_TREASURY_FILE_YEARS = 2;

/**
 * Why a saved alert will not fire while the US curve comes from the Treasury's own files, or
 * undefined. Only US record alerts saved before `/alert add` refused them: a series record, or a
 * stretch of two years or more, cannot be seen in the history those files give. (With the FRED
 * fallback, which reaches back to 1962, they could, so they are still evaluated.)
 */
export function whyItCannotFire(rule: Pick<AlertRule, 'subject' | 'condition'>): string | undefined {
  const { subject, condition } = rule;
  if (subject.kind !== 'yield' || subject.market !== 'us' || condition.kind !== 'record') return undefined;
  if (condition.years !== undefined && condition.years < US_TREASURY_FILE_YEARS) return undefined;
  return 'briefbot loads only the last year or two of the US Treasury curve, so it will not see this while the curve comes from the Treasury';
}

export function subjectLabel(subject: AlertSubject): string {
  return subject.kind === 'yield'
    ? `${subject.market === 'jp' ? 'JGB' : 'UST'} ${subject.tenor.toUpperCase()}`
    : ASSET_INFO[subject.asset].label;
}

export function conditionLabel(condition: AlertCondition, subject: AlertSubject): string {
  const unit = subject.kind === 'yield' ? '%' : '';
  switch (condition.kind) {
    case 'above':
      return `above ${condition.level}${unit}`;
    case 'below':
      return `below ${condition.level}${unit}`;
    case 'move':
      return `moves ${condition.size}${subject.kind === 'yield' ? ' bp' : '%'} in a day`;
    case 'sigma':
      return `moves ${condition.size}σ or more`;
    case 'record':
      return condition.years
        ? `highest or lowest in ${condition.years} year${condition.years === 1 ? '' : 's'}`
        : 'sets a series record';
  }
}
