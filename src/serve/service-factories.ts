import { createAlertChecker } from '../alerts/alert-checker.ts';
import { createAlertSender } from '../alerts/alert-sender.ts';
import { createRefresherService } from '../market/refresher-service.ts';
import { probesFor, schedulerServiceFactory } from '../schedule/scheduler-service-factory.ts';
import { createDiscordService } from '../transports/discord/discord-service.ts';
import { createSlackService } from '../transports/slack/slack-service.ts';
import { recordHistory } from './record-history.ts';
import type { ServiceFactory } from './service.ts';

/**
 * Every service `briefbot serve` may start, in start order (stopped in reverse). Adding a platform
 * or a background job is one line here and one folder of its own.
 */
export const SERVICE_FACTORIES: readonly ServiceFactory[] = [
  createSlackService,
  createDiscordService,
  ({ bot }) => {
    const sender = createAlertSender({ posters: bot.posters, probes: probesFor(bot), log: bot.log });
    const alerts = createAlertChecker({
      repository: bot.alerts,
      market: bot.market,
      prices: bot.store.history,
      posters: bot.posters,
      log: bot.log,
      sigmaWindowDays: bot.config.SIGMA_WINDOW_DAYS,
      sender,
    });
    const refresher = createRefresherService({
      market: bot.market,
      log: bot.log,
      listeners: [
        recordHistory(bot),
        // Only the alerts on what was just refreshed: the rest have nothing new to see.
        async (tasks) => void (await alerts.checkAll(tasks.map((task) => task.key))),
      ],
    });
    return {
      ...refresher,
      async stop() {
        await refresher.stop();
        await sender.stop();
      },
    };
  },
  schedulerServiceFactory,
];
