import { ASSETS, type Asset, MARKETS } from '../domain/instruments.ts';

/** One thing the refresher keeps warm, and how often. */
export interface RefreshTask {
  readonly key: string;
  readonly everyMs: number;
  /** Whether polling now is useful (a closed market has nothing new to say). */
  readonly activeAt: (now: Date) => boolean;
  readonly kind: 'curve' | 'quote' | 'headlines';
  readonly target?: string;
}

const CRYPTO: ReadonlySet<Asset> = new Set(['xrp', 'btc']);

/**
 * Metals, oil and FX trade from Sunday evening to Friday evening New York time; polling them over
 * the weekend only burns rate limit. Approximated in UTC (22:00 Friday to 22:00 Sunday closed).
 */
export function isWeekdayMarketOpen(now: Date): boolean {
  const day = now.getUTCDay();
  const hour = now.getUTCHours();
  if (day === 6) return false;
  if (day === 5 && hour >= 22) return false;
  if (day === 0 && hour < 22) return false;
  return true;
}

/**
 * The polling plan. End-of-day curves are re-checked every 15 minutes, so a MOF file published in
 * the Tokyo evening or a Treasury file in the New York evening lands within a quarter of an hour;
 * prices follow their cache TTLs; feeds every 5 minutes.
 */
export function refreshPlan(): RefreshTask[] {
  return [
    ...MARKETS.map((market) => ({
      key: `curve:${market}`,
      kind: 'curve' as const,
      target: market,
      everyMs: 15 * 60_000,
      activeAt: () => true,
    })),
    ...ASSETS.map((asset) => ({
      key: `quote:${asset}`,
      kind: 'quote' as const,
      target: asset,
      everyMs: CRYPTO.has(asset) ? 60_000 : 3 * 60_000,
      activeAt: CRYPTO.has(asset) ? () => true : isWeekdayMarketOpen,
    })),
    { key: 'headlines', kind: 'headlines', everyMs: 5 * 60_000, activeAt: () => true },
  ];
}
