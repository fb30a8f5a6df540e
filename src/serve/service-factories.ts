import { createAlertChecker } from '../alerts/alert-checker.ts';
import { createMemoryPriceHistory } from '../alerts/observe-subject.ts';
import { createRefresherService } from '../market/refresher-service.ts';
import { schedulerServiceFactory } from '../schedule/scheduler-service-factory.ts';
import { createDiscordService } from '../transports/discord/discord-service.ts';
import { createSlackService } from '../transports/slack/slack-service.ts';
import type { ServiceFactory } from './service.ts';

/**
 * Every service `briefbot serve` may start, in start order (stopped in reverse). Adding a platform
 * or a background job is one line here and one folder of its own.
 */
export const SERVICE_FACTORIES: readonly ServiceFactory[] = [
  createSlackService,
  createDiscordService,
  ({ bot }) => {
    const alerts = createAlertChecker({
      repository: bot.alerts,
      market: bot.market,
      prices: createMemoryPriceHistory(),
      posters: bot.posters,
      log: bot.log,
      sigmaWindowDays: bot.config.SIGMA_WINDOW_DAYS,
    });
    return createRefresherService({
      market: bot.market,
      log: bot.log,
      listeners: [async () => void (await alerts.checkAll())],
    });
  },
  schedulerServiceFactory,
];
