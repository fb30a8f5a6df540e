/** The instruments briefbot knows, with the names users type for them. */

export const MARKETS = ['jp', 'us'] as const;
export type Market = (typeof MARKETS)[number];

/** The Ministry of Finance publishes exactly these 15 points; there is no 11–14Y, 16–19Y and so on. */
export const JGB_TENORS = [
  '1y',
  '2y',
  '3y',
  '4y',
  '5y',
  '6y',
  '7y',
  '8y',
  '9y',
  '10y',
  '15y',
  '20y',
  '25y',
  '30y',
  '40y',
] as const;
export type JgbTenor = (typeof JGB_TENORS)[number];

/** US Treasury par curve points (the 1.5-month bill from 2025-02-18, the 4-month from 2022-10-19). */
export const UST_TENORS = [
  '1m',
  '1.5m',
  '2m',
  '3m',
  '4m',
  '6m',
  '1y',
  '2y',
  '3y',
  '5y',
  '7y',
  '10y',
  '20y',
  '30y',
] as const;
export type UstTenor = (typeof UST_TENORS)[number];

export type Tenor = JgbTenor | UstTenor;

export const TENORS_BY_MARKET: Readonly<Record<Market, readonly Tenor[]>> = {
  jp: JGB_TENORS,
  us: UST_TENORS,
};

/** Tenor length in years, for ordering and for a proportional chart axis. */
export function tenorYears(tenor: Tenor): number {
  const value = Number.parseFloat(tenor);
  return tenor.endsWith('m') ? value / 12 : value;
}

export const ASSETS = ['gold', 'silver', 'wti', 'brent', 'xrp', 'btc', 'usdjpy'] as const;
export type Asset = (typeof ASSETS)[number];

export interface AssetInfo {
  readonly label: string;
  readonly unit: string;
  /** Decimal places a desk expects to see. */
  readonly decimals: number;
  readonly aliases: readonly string[];
}

export const ASSET_INFO: Readonly<Record<Asset, AssetInfo>> = {
  gold: { label: 'Gold', unit: 'USD/oz', decimals: 2, aliases: ['xau', 'xauusd', 'gc'] },
  silver: { label: 'Silver', unit: 'USD/oz', decimals: 3, aliases: ['xag', 'xagusd', 'si'] },
  wti: { label: 'WTI crude', unit: 'USD/bbl', decimals: 2, aliases: ['oil', 'crude', 'cl', 'usoil'] },
  brent: { label: 'Brent crude', unit: 'USD/bbl', decimals: 2, aliases: ['bz', 'ukoil'] },
  xrp: { label: 'XRP', unit: 'USD', decimals: 4, aliases: ['ripple', 'xrpusd'] },
  btc: { label: 'Bitcoin', unit: 'USD', decimals: 0, aliases: ['bitcoin', 'xbt', 'btcusd'] },
  usdjpy: { label: 'USD/JPY', unit: 'JPY', decimals: 3, aliases: ['jpy', 'yen', 'usd/jpy', 'fx'] },
};

export function resolveAsset(text: string): Asset | undefined {
  const key = text.trim().toLowerCase();
  for (const asset of ASSETS) {
    if (asset === key || ASSET_INFO[asset].aliases.includes(key)) return asset;
  }
  return undefined;
}
