import type { ChannelAddress, ChannelPoster, Platform } from '../delivery/channel-poster.ts';
import type { PosterRegistry } from '../delivery/poster-registry.ts';
import type { Document } from '../domain/document.ts';
import type { Logger } from '../log/logger.ts';
import type { DeliveryProbe } from '../schedule/delivery-probe.ts';
import { type SchedulerClock, systemSchedulerClock } from '../schedule/scheduler-clock.ts';
import { DEFAULT_RETRY, type RetryPolicy, sendWithRetry } from '../schedule/send-with-retry.ts';

/** An alert not posted within this long after it fired is given up: it would be news no longer. */
export const ALERT_SEND_WINDOW_MS = 10 * 60_000;
/** Messages this much older than the firing still count as its post, for clocks a little apart. */
const CLOCK_SKEW_MS = 60_000;

export interface AlertSenderDeps {
  readonly posters: PosterRegistry;
  /** Per platform, to look in the channel before sending again after a failure of unknown outcome. */
  readonly probes: Readonly<Partial<Record<Platform, DeliveryProbe>>>;
  readonly log: Logger;
  readonly clock?: SchedulerClock;
  readonly policy?: RetryPolicy;
  readonly windowMs?: number;
}

export interface AlertSender {
  /** Starts sending in the background and returns at once; failures are logged. */
  send(address: ChannelAddress, document: Document, ruleId: string): void;
  /** Stops retrying and waits for sends in flight. */
  stop(): Promise<void>;
}

/**
 * Posts fired alerts the way the scheduler posts briefs: a transient failure is retried with
 * backoff until the alert is `ALERT_SEND_WINDOW_MS` old, and after one whose outcome is unknown (a
 * timeout, a 5xx) the channel is read first, so an alert that arrived is not posted twice. Sends run
 * in the background: the refresher that found the firing goes on at once.
 */
export function createAlertSender(deps: AlertSenderDeps): AlertSender {
  const clock = deps.clock ?? systemSchedulerClock;
  const abort = new AbortController();
  const inFlight = new Set<Promise<void>>();

  async function deliver(address: ChannelAddress, document: Document, ruleId: string): Promise<void> {
    const poster = alertPoster(deps, address, document, ruleId);
    if (!poster) return;
    const firedAt = clock.now().getTime();
    const context = { ruleId, channel: address.channelId };
    const result = await sendWithRetry({
      poster,
      channelId: address.channelId,
      document,
      probe: deps.probes[address.platform],
      checkFirst: false,
      since: new Date(firedAt - CLOCK_SKEW_MS),
      deadline: new Date(firedAt + (deps.windowMs ?? ALERT_SEND_WINDOW_MS)),
      clock,
      policy: deps.policy ?? DEFAULT_RETRY,
      signal: abort.signal,
      onRetry: (error, waitMs) =>
        deps.log.warn({ err: error, ...context, waitMs }, 'alert post failed; retrying'),
      onProbeFailed: (error) =>
        deps.log.warn(
          { err: error, ...context },
          'could not check the channel before posting the alert again',
        ),
    });
    if (result.kind === 'permanent') {
      deps.log.error({ err: result.error, ...context }, 'alert could not be posted');
    } else if (result.kind === 'gave-up') {
      deps.log.error({ ...context, error: result.error, attempts: result.attempts }, 'alert post given up');
    } else if (result.kind === 'stopped') {
      deps.log.warn(context, 'alert post stopped by shutdown');
    }
  }

  return {
    send(address, document, ruleId) {
      const sending = deliver(address, document, ruleId)
        .catch((error: unknown) => deps.log.error({ err: error, ruleId }, 'alert could not be posted'))
        .finally(() => inFlight.delete(sending));
      inFlight.add(sending);
    },
    async stop() {
      abort.abort();
      await Promise.all(inFlight);
    },
  };
}

/** The poster for an alert's platform; with none registered, says so in the log. */
export function alertPoster(
  deps: { readonly posters: PosterRegistry; readonly log: Logger },
  address: ChannelAddress,
  document: Document,
  ruleId: string,
): ChannelPoster | undefined {
  const poster = deps.posters.get(address.platform);
  if (!poster) {
    deps.log.info(
      { ruleId, platform: address.platform, title: document.title },
      'alert fired with no poster for its platform',
    );
  }
  return poster;
}
