import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { ChannelPoster, Platform } from '../delivery/channel-poster.ts';
import type { PosterRegistry } from '../delivery/poster-registry.ts';
import { errorMessage, UserError } from '../errors.ts';
import type { Logger } from '../log/logger.ts';
import type { Metrics } from '../ops/metrics.ts';
import type { Delivery, DeliveryKey, DeliveryOutcome, Store } from '../store/store.ts';
import type { BriefComposer } from './brief-composer.ts';
import { isChannelRefusal } from './channel-refusal.ts';
import type { DeliveryProbe } from './delivery-probe.ts';
import { describeDelay, dueDeliveries } from './due-deliveries.ts';
import { nextFireTime } from './fire-times.ts';
import { pausedNotice } from './owner-notice.ts';
import { type SchedulerClock, systemSchedulerClock } from './scheduler-clock.ts';
import { DEFAULT_RETRY, type RetryPolicy, sendWithRetry } from './send-with-retry.ts';

export interface SchedulerDeps {
  readonly store: Pick<Store, 'schedules' | 'deliveries' | 'audit'>;
  readonly posters: PosterRegistry;
  readonly composer: BriefComposer;
  readonly probes?: Readonly<Partial<Record<Platform, DeliveryProbe>>>;
  readonly log: Logger;
  readonly clock?: SchedulerClock;
  /** Names this process in the ledger's claims. */
  readonly instanceId?: string;
  /** A fire later than this is recorded as missed, not sent late. */
  readonly graceMs: number;
  /** A claim not renewed for this long is taken to be a dead process's, and can be claimed again. */
  readonly leaseMs?: number;
  /** Sends in flight at once on this instance. */
  readonly concurrency?: number;
  readonly retry?: RetryPolicy;
  readonly metrics?: Pick<Metrics, 'delivery'>;
}

export interface Scheduler {
  readonly instanceId: string;
  /** Hands due fires to the ledger, then delivers everything claimable; resolves when idle again. */
  tick(): Promise<void>;
  /** Stops claiming, gives back sends waiting to retry, and waits for sends in flight. */
  stop(): Promise<void>;
  readonly stats: Readonly<Record<'sent' | 'recovered' | 'failed' | 'missed' | 'paused', number>>;
}

export const DEFAULT_LEASE_MS = 120_000;
const DEFAULT_CONCURRENCY = 100;
/** Schedules handed to the ledger per transaction. */
const MATERIALIZE_BATCH = 200;
/** Instances' clocks may disagree by this much when the probe asks what was posted "since". */
const CLOCK_SKEW_MS = 300_000;

/**
 * Exactly-once delivery of scheduled briefs. Each fire of each schedule becomes one ledger row per
 * channel; rows are claimed atomically, sent, then marked. A claim whose process died is claimed
 * again after its lease, and the probe looks in the channel first, so a brief the dead process
 * had already sent is recorded rather than repeated.
 */
export function createScheduler(deps: SchedulerDeps): Scheduler {
  const { store, log } = deps;
  const clock = deps.clock ?? systemSchedulerClock;
  const instanceId = deps.instanceId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS;
  const concurrency = deps.concurrency ?? DEFAULT_CONCURRENCY;
  const minClaim = Math.max(1, Math.floor(concurrency / 10));
  const stats = { sent: 0, recovered: 0, failed: 0, missed: 0, paused: 0 };
  const inflight = new Map<string, Delivery>();
  const idleWaiters: (() => void)[] = [];
  const abort = new AbortController();
  let pumping = false;
  // Ticks may overlap (a slow send must not hold up the next minute); handing fires to the ledger
  // must not, or instances would fight over the same rows many times over.
  let materializing: Promise<void> | undefined;
  let renewTimer: NodeJS.Timeout | undefined;

  async function materialize(now: Date): Promise<void> {
    for (let round = 0; round < 100; round += 1) {
      const due = await store.schedules.due(now, MATERIALIZE_BATCH);
      if (due.length === 0) return;
      const batch = due.flatMap((schedule) => {
        const expected = schedule.nextFireAt;
        if (expected === undefined) return [];
        const next = nextFireTime(schedule, now)?.toISOString();
        return [
          {
            scheduleId: schedule.id,
            expected,
            next,
            rows: dueDeliveries(schedule, expected, now, deps.graceMs),
          },
        ];
      });
      const added = await store.deliveries.enqueueFires(batch);
      for (const row of added.missed) {
        stats.missed += 1;
        deps.metrics?.delivery({ platform: row.platform, outcome: 'missed' });
        log.warn(
          { delivery: keyString(row), note: row.note },
          'scheduled brief missed: the bot was not running in time',
        );
      }
      if (due.length < MATERIALIZE_BATCH) return;
    }
  }

  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      while (!abort.signal.aborted && inflight.size < concurrency) {
        // Claim in batches: one query per freed slot would cost a query per delivery.
        if (inflight.size > 0 && concurrency - inflight.size < minClaim) break;
        const rows = await store.deliveries.claim({
          instanceId,
          now: clock.now(),
          leaseMs,
          limit: concurrency - inflight.size,
        });
        if (rows.length === 0) break;
        for (const row of rows) start(row);
      }
    } finally {
      pumping = false;
      settle();
    }
  }

  function start(row: Delivery): void {
    const id = keyString(row);
    inflight.set(id, row);
    renewTimer ??= setInterval(renewLeases, Math.max(1_000, leaseMs / 3)).unref();
    deliver(row)
      .catch((error: unknown) =>
        log.error({ err: error, delivery: id }, 'scheduled delivery failed unexpectedly'),
      )
      .finally(() => {
        inflight.delete(id);
        void pump();
      });
  }

  function settle(): void {
    if (pumping || inflight.size > 0) return;
    if (renewTimer) clearInterval(renewTimer);
    renewTimer = undefined;
    for (const wake of idleWaiters.splice(0)) wake();
  }

  function renewLeases(): void {
    const keys = [...inflight.values()];
    const until = new Date(clock.now().getTime() + leaseMs);
    store.deliveries
      .renew(instanceId, keys, until)
      .catch((error: unknown) => log.warn({ err: error }, 'could not renew delivery leases'));
  }

  async function deliver(row: Delivery): Promise<void> {
    const deadline = new Date(Date.parse(row.fireAt) + deps.graceMs);
    const lateMs = clock.now().getTime() - Date.parse(row.fireAt);
    if (lateMs > deps.graceMs) {
      stats.missed += 1;
      deps.metrics?.delivery({ platform: row.platform, outcome: 'missed' });
      return finish(row, {
        status: 'missed',
        note: `not sent: ${describeDelay(lateMs)} late, past the grace window`,
      });
    }
    const poster = deps.posters.get(row.platform as Platform);
    if (!poster) {
      stats.failed += 1;
      return finish(row, { status: 'failed', error: `no ${row.platform} transport is running` });
    }
    let document: Awaited<ReturnType<BriefComposer['compose']>>;
    try {
      document = await deps.composer.compose(row);
    } catch (error) {
      stats.failed += 1;
      await finish(row, { status: 'failed', error: errorMessage(error) });
      // A template that no longer exists fails every day: pause and say so rather than fail quietly.
      if (error instanceof UserError) await pauseAndTell(row, error.message, poster);
      else log.error({ err: error, delivery: keyString(row) }, 'brief could not be composed');
      return;
    }
    const result = await sendWithRetry({
      poster,
      channelId: row.channelId,
      document,
      probe: deps.probes?.[row.platform as Platform],
      checkFirst: row.attempts > 1,
      since: new Date(Date.parse(row.firstClaimedAt ?? row.fireAt) - CLOCK_SKEW_MS),
      deadline,
      clock,
      policy: deps.retry ?? DEFAULT_RETRY,
      signal: abort.signal,
      onRetry: (error, waitMs) => {
        deps.metrics?.delivery({ platform: row.platform, outcome: 'retried' });
        log.warn({ err: error, delivery: keyString(row), waitMs }, 'delivery failed; retrying');
      },
      onProbeFailed: (error) =>
        log.warn({ err: error, delivery: keyString(row) }, 'could not check the channel before resending'),
    });
    switch (result.kind) {
      case 'sent':
        if (result.note) stats.recovered += 1;
        else stats.sent += 1;
        deps.metrics?.delivery({ platform: row.platform, outcome: 'sent' });
        return finish(row, {
          status: 'sent',
          messageIds: result.messageIds,
          ...(result.note ? { note: result.note } : {}),
        });
      case 'permanent':
        stats.failed += 1;
        deps.metrics?.delivery({ platform: row.platform, outcome: 'failed' });
        await finish(row, { status: 'failed', error: result.error.message });
        if (isChannelRefusal(result.error)) {
          return pauseAndTell(row, result.error.context.code ?? result.error.message, poster);
        }
        log.error(
          { err: result.error, delivery: keyString(row) },
          'brief refused for good; the schedule stays active',
        );
        return;
      case 'gave-up':
        stats.failed += 1;
        deps.metrics?.delivery({ platform: row.platform, outcome: 'failed' });
        log.error({ delivery: keyString(row), error: result.error }, 'delivery given up at its deadline');
        return finish(row, {
          status: 'failed',
          error: `${result.error} (gave up after ${result.attempts} attempts)`,
        });
      case 'stopped':
        return store.deliveries.release(row, instanceId);
    }
  }

  async function finish(row: Delivery, outcome: DeliveryOutcome): Promise<void> {
    const recorded = await store.deliveries.finish(row, instanceId, outcome, clock.now());
    if (!recorded) {
      log.error(
        { delivery: keyString(row), outcome: outcome.status },
        'lost the claim before recording the outcome',
      );
    }
  }

  async function pauseAndTell(row: Delivery, reason: string, poster: ChannelPoster): Promise<void> {
    if (!(await store.schedules.setPaused(row.scheduleId, { paused: true, reason }))) return;
    stats.paused += 1;
    await store.audit.record({
      at: clock.now().toISOString(),
      platform: row.platform,
      actorId: 'briefbot',
      channelId: row.channelId,
      action: 'digest.auto-pause',
      target: `digest:${row.scheduleId}`,
      detail: { reason, fireAt: row.fireAt, owner: row.ownerId },
    });
    log.warn(
      { schedule: row.scheduleId, channel: row.channelId, reason },
      'schedule paused: delivery failed for good',
    );
    try {
      // On Slack a user id as the channel is a direct message from the app; elsewhere this may
      // fail, and the pause stays visible in /digest list and the audit log.
      await poster.post(row.ownerId, pausedNotice(row, reason));
    } catch (error) {
      log.warn(
        { err: error, schedule: row.scheduleId, owner: row.ownerId },
        'could not tell the owner directly',
      );
    }
  }

  function idle(): Promise<void> {
    if (!pumping && inflight.size === 0) return Promise.resolve();
    return new Promise((resolve) => idleWaiters.push(resolve));
  }

  return {
    instanceId,
    stats,
    async tick() {
      if (abort.signal.aborted) return;
      materializing ??= materialize(clock.now()).finally(() => {
        materializing = undefined;
      });
      await materializing;
      await pump();
      await idle();
    },
    async stop() {
      abort.abort();
      await idle();
    },
  };
}

function keyString(key: DeliveryKey): string {
  return `${key.scheduleId}@${key.fireAt}→${key.platform}:${key.channelId}`;
}
