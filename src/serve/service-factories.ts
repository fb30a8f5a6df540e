import { createRefresherService } from '../market/refresher-service.ts';
import type { ServiceFactory } from './service.ts';

/**
 * Every service `briefbot serve` may start, in start order (stopped in reverse). Adding a platform
 * or a background job is one line here and one folder of its own.
 */
export const SERVICE_FACTORIES: readonly ServiceFactory[] = [
  ({ bot }) => createRefresherService({ market: bot.market, log: bot.log }),
];
