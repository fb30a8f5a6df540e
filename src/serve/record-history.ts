import type { Briefbot } from '../app.ts';
import { originOf } from '../domain/analytics.ts';
import { dateInZone } from '../domain/dates.ts';
import type { Asset } from '../domain/instruments.ts';
import type { RefreshListener } from '../market/refresher-service.ts';

/**
 * After each refreshed task, keeps what the sources will not keep for us: each price's latest quote
 * (for `brief --as-of`), its daily close (for price records and brief sparklines) and the day's
 * headlines. Reads come from the cache the refresh just filled, so recording costs no upstream request.
 */
export function recordHistory(bot: Briefbot): RefreshListener {
  return async (tasks) => {
    for (const task of tasks) {
      try {
        if (task.kind === 'quote') {
          const asset = task.target as Asset;
          const quote = await bot.market.quote(asset);
          await bot.store.history.recordQuote(asset, quote);
          // The day's close so far (its last value wins), keyed by the quote's UTC date as price
          // alerts key it: the series brief sparklines draw and price records are judged on.
          const { price, asOf } = quote.value;
          await bot.store.history.record(
            asset,
            asOf.toISOString().slice(0, 10),
            price,
            originOf(quote.value),
          );
        } else if (task.kind === 'headlines') {
          await bot.store.history.recordHeadlines(
            dateInZone(new Date(), bot.config.TZ_DEFAULT),
            await bot.market.headlines(),
          );
        }
      } catch (error) {
        // A source that failed this pass has nothing new to record; the refresher already logged it.
        bot.log.debug({ task: task.key, err: error }, 'nothing recorded for this task');
      }
    }
  };
}
