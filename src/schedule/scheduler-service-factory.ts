import { REST } from 'discord.js';
import type { Briefbot } from '../app.ts';
import type { Platform } from '../delivery/channel-poster.ts';
import type { Service, ServiceFactory } from '../serve/service.ts';
import type { DeliveryTarget } from '../store/store.ts';
import { createDiscordDeliveryProbe } from '../transports/discord/discord-delivery-probe.ts';
import { createSlackDeliveryProbe } from '../transports/slack/slack-delivery-probe.ts';
import { createSlackWebClient } from '../transports/slack/slack-web-client.ts';
import { createBriefComposer } from './brief-composer.ts';
import type { DeliveryProbe } from './delivery-probe.ts';
import { createScheduler, type Scheduler, type SchedulerDeps } from './scheduler.ts';
import type { SchedulerClock } from './scheduler-clock.ts';
import { createSchedulerService } from './scheduler-service.ts';

/** Composed briefs are kept this long after their fire, for late retries and restarts. */
const BRIEF_RETENTION_MS = 2 * 86_400_000;
/** A channel's first brief recaps alerts from this far back. */
const FIRST_RECAP_MS = 86_400_000;
const HOUSEKEEPING_INTERVAL_MS = 3_600_000;

/** The scheduler `briefbot serve` runs on every instance, wired to the bot's store and posters. */
export const schedulerServiceFactory: ServiceFactory = ({ bot }) => createSchedulerServiceFor(bot).service;

/** Tuning the tests and benches change; production uses the defaults. */
export interface SchedulerTuning {
  readonly clock?: SchedulerClock;
  readonly intervalMs?: number;
  readonly leaseMs?: number;
  readonly concurrency?: number;
  readonly instanceId?: string;
  readonly retry?: SchedulerDeps['retry'];
}

export function createSchedulerServiceFor(
  bot: Briefbot,
  tuning: SchedulerTuning = {},
): { service: Service; scheduler: Scheduler; composer: ReturnType<typeof createBriefComposer> } {
  const { store, log } = bot;
  const now = tuning.clock ? tuning.clock.now : () => new Date();
  const composer = createBriefComposer({
    market: bot.market,
    briefs: store.briefs,
    now,
    sigmaWindowDays: bot.config.SIGMA_WINDOW_DAYS,
    summarize: (input) => bot.summariseBrief(input),
    alertsSince: (target) => alertsSince(bot, target),
    charts: { prices: store.history, log },
  });
  const scheduler = createScheduler({
    store,
    posters: bot.posters,
    composer,
    probes: probesFor(bot),
    log: log.child({ service: 'scheduler' }),
    graceMs: bot.config.DIGEST_GRACE_MINUTES * 60_000,
    metrics: bot.metrics,
    ...(tuning.clock ? { clock: tuning.clock } : {}),
    ...(tuning.leaseMs === undefined ? {} : { leaseMs: tuning.leaseMs }),
    ...(tuning.concurrency === undefined ? {} : { concurrency: tuning.concurrency }),
    ...(tuning.instanceId === undefined ? {} : { instanceId: tuning.instanceId }),
    ...(tuning.retry === undefined ? {} : { retry: tuning.retry }),
  });
  let lastHousekeeping = 0;
  const service = createSchedulerService({
    scheduler,
    log,
    ...(tuning.clock ? { clock: tuning.clock } : {}),
    ...(tuning.intervalMs === undefined ? {} : { intervalMs: tuning.intervalMs }),
    prepare: () => store.migrate(),
    async housekeeping(at) {
      composer.forget(new Date(at.getTime() - BRIEF_RETENTION_MS));
      if (at.getTime() - lastHousekeeping < HOUSEKEEPING_INTERVAL_MS) return;
      lastHousekeeping = at.getTime();
      await store.briefs.prune(new Date(at.getTime() - BRIEF_RETENTION_MS).toISOString());
    },
  });
  return { service, scheduler, composer };
}

/** Platforms whose channels can be searched for a brief an earlier attempt already sent. */
export function probesFor(bot: Briefbot): Partial<Record<Platform, DeliveryProbe>> {
  const probes: Partial<Record<Platform, DeliveryProbe>> = {};
  const { SLACK_BOT_TOKEN: slackToken, DISCORD_TOKEN: discordToken } = bot.config;
  if (slackToken) {
    const client = createSlackWebClient({
      token: slackToken,
      apiUrl: bot.config.SLACK_API_URL,
      log: bot.log,
    });
    probes.slack = createSlackDeliveryProbe({ client });
  }
  if (discordToken) {
    // Its own REST client: the gateway's is made when that service starts, after this one is wired.
    const rest = new REST({ api: bot.config.DISCORD_API_URL }).setToken(discordToken);
    probes.discord = createDiscordDeliveryProbe({ rest });
  }
  return probes;
}

/** The alerts that fired in the channel since its last scheduled brief, for the brief's recap. */
async function alertsSince(bot: Briefbot, target: DeliveryTarget) {
  const last = await bot.store.deliveries.lastSent(target.platform, target.channelId, target.fireAt);
  const since = last ? new Date(last) : new Date(Date.parse(target.fireAt) - FIRST_RECAP_MS);
  const fired = await bot.alerts.firedSince(target.platform, target.channelId, since);
  return fired
    .filter((f) => f.firedAt <= target.fireAt)
    .map((f) => ({ text: f.text, firedAt: new Date(f.firedAt) }));
}
