import type { SourceErrorContext } from '../../errors.ts';
import { badPayload, instantFrom, isRecord, positiveNumber, unknownSymbol } from './price-values.ts';

export interface CoinGeckoPrice {
  readonly id: string;
  readonly price: number;
  /** Percent change over the last 24 h, when CoinGecko sent one. */
  readonly change24hPct?: number;
  /** `last_updated_at`, when CoinGecko sent it. */
  readonly lastUpdatedAt?: Date;
}

/**
 * Reads `GET /api/v3/simple/price?ids=…&vs_currencies=usd&include_24hr_change=true&include_last_updated_at=true`
 * for one coin id. An unknown id is not an error at CoinGecko: it answers `{}` with HTTP 200.
 */
export function parseCoinGeckoSimplePrice(
  json: unknown,
  id: string,
  context: SourceErrorContext,
): CoinGeckoPrice {
  if (!isRecord(json)) throw badPayload(context, 'the answer is not an object keyed by coin id');
  // Throttling and key problems come as {"status":{"error_code":…}}, which is no coin at all.
  if (isRecord(json.status) && json.status.error_code !== undefined) {
    throw badPayload(
      context,
      `CoinGecko error ${String(json.status.error_code)}: ${String(json.status.error_message)}`,
    );
  }
  const coin = json[id];
  if (coin === undefined) throw unknownSymbol(context, `CoinGecko does not know the coin id ${id}`);
  if (!isRecord(coin)) throw badPayload(context, `${id} is not an object`);
  const price = positiveNumber(coin.usd);
  if (price === undefined) throw badPayload(context, `${id} has no usable usd price`);

  let change24hPct: number | undefined;
  if (coin.usd_24h_change !== undefined && coin.usd_24h_change !== null) {
    // A change of -100 % or less would put the price 24 h ago at infinity or below zero.
    const pct = coin.usd_24h_change;
    if (typeof pct !== 'number' || !Number.isFinite(pct) || pct <= -100) {
      throw badPayload(context, `${id} has an unusable usd_24h_change`);
    }
    change24hPct = pct;
  }
  let lastUpdatedAt: Date | undefined;
  if (coin.last_updated_at !== undefined) {
    lastUpdatedAt = instantFrom(coin.last_updated_at, 's');
    if (lastUpdatedAt === undefined) throw badPayload(context, `${id} has an unusable last_updated_at`);
  }
  return {
    id,
    price,
    ...(change24hPct === undefined ? {} : { change24hPct }),
    ...(lastUpdatedAt === undefined ? {} : { lastUpdatedAt }),
  };
}
