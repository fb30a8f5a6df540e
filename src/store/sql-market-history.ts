import { addDays } from '../domain/dates.ts';
import type { Document } from '../domain/document.ts';
import type { Quote } from '../domain/market-data.ts';
import type { HeadlineSet, Sourced } from '../market/market-service.ts';
import { decodeJson, encodeJson } from './json-codec.ts';
import type { SqlDatabase } from './sql-database.ts';
import type { BriefCache, MarketHistory } from './store.ts';

/** How far back a replay looks for the last value before its date. */
const RECENT_DAYS = 7;

/** Daily closes and past quotes and headlines, one row per (kind, subject, day); the day's last value wins. */
export function createSqlMarketHistory(db: SqlDatabase, now: () => Date): MarketHistory {
  async function put(kind: string, subject: string, date: string, payload: unknown): Promise<void> {
    await db.run(
      `INSERT INTO market_history (kind, subject, date, payload, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (kind, subject, date) DO UPDATE SET payload = excluded.payload, updated_at = excluded.updated_at`,
      [kind, subject, date, encodeJson(payload), now().toISOString()],
    );
  }
  async function read<T>(kind: string, subject: string, date: string): Promise<T | undefined> {
    // The latest value on or before the date, within a week: a Sunday replay shows Friday's close.
    const [row] = await db.all<{ payload: string }>(
      `SELECT payload FROM market_history WHERE kind = ? AND subject = ? AND date <= ? AND date >= ?
       ORDER BY date DESC LIMIT 1`,
      [kind, subject, date, addDays(date, -RECENT_DAYS)],
    );
    return row ? decodeJson<T>(row.payload) : undefined;
  }
  return {
    async record(asset, date, price, origin) {
      await db.run(
        `INSERT INTO price_history (asset, date, price, source, contract) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (asset, date) DO UPDATE
         SET price = excluded.price, source = excluded.source, contract = excluded.contract`,
        [asset, date, price, origin?.source ?? null, origin?.contract ?? null],
      );
    },
    async series(asset) {
      const rows = await db.all<{
        date: string;
        price: number | string;
        source: string | null;
        contract: string | null;
      }>('SELECT date, price, source, contract FROM price_history WHERE asset = ? ORDER BY date', [asset]);
      return rows.map((row) => ({
        date: row.date,
        value: Number(row.price),
        ...(row.source === null ? {} : { source: row.source }),
        ...(row.contract === null ? {} : { contract: row.contract }),
      }));
    },
    async recordQuote(asset, quote) {
      await put('quote', asset, quote.value.asOf.toISOString().slice(0, 10), quote);
    },
    async recordHeadlines(date, headlines) {
      await put('headlines', 'all', date, headlines);
    },
    quoteOn: (asset, date) => read<Sourced<Quote>>('quote', asset, date),
    headlinesOn: (date) => read<Sourced<HeadlineSet>>('headlines', 'all', date),
  };
}

export function createSqlBriefCache(db: SqlDatabase, now: () => Date): BriefCache {
  async function get(fireAt: string, key: string) {
    const [row] = await db.all<{ document: string }>(
      'SELECT document FROM brief_documents WHERE fire_at = ? AND brief_key = ?',
      [fireAt, key],
    );
    return row ? decodeJson<Document>(row.document) : undefined;
  }
  return {
    get,
    async putIfAbsent(fireAt, key, document) {
      await db.run(
        `INSERT INTO brief_documents (fire_at, brief_key, document, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT DO NOTHING`,
        [fireAt, key, encodeJson(document), now().toISOString()],
      );
      return (await get(fireAt, key)) ?? document;
    },
    prune: (before) => db.run('DELETE FROM brief_documents WHERE fire_at < ?', [before]),
  };
}
