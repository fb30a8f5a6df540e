import type { Logger } from '../log/logger.ts';
import type { Service, ServiceStatus } from '../serve/service.ts';
import type { Scheduler } from './scheduler.ts';
import { type SchedulerClock, systemSchedulerClock } from './scheduler-clock.ts';

export interface SchedulerServiceDeps {
  readonly scheduler: Scheduler;
  readonly log: Logger;
  /** Runs before the first tick: opening the database and applying migrations. */
  readonly prepare?: () => Promise<unknown>;
  /** Drops composed briefs of fires older than this before each tick. */
  readonly housekeeping?: (now: Date) => Promise<unknown>;
  readonly clock?: SchedulerClock;
  /** Time between ticks; a tick runs at start too, so fires missed while down are seen at once. */
  readonly intervalMs?: number;
}

export const TICK_INTERVAL_MS = 60_000;

/**
 * The scheduler as a `briefbot serve` service: a tick at start, then one a second after every
 * minute boundary (fires are on the minute). A tick does not wait for the previous one: a send
 * retrying for minutes must not hold up the next minute's briefs. Every instance ticks; the
 * ledger makes that safe.
 */
export function createSchedulerService(deps: SchedulerServiceDeps): Service {
  const clock = deps.clock ?? systemSchedulerClock;
  const intervalMs = deps.intervalMs ?? TICK_INTERVAL_MS;
  let timer: NodeJS.Timeout | undefined;
  let state: ServiceStatus['state'] = 'starting';
  let lastTick: { at: Date; ok: boolean; error?: string } | undefined;
  const ticks = new Set<Promise<void>>();

  function tick(): void {
    const at = clock.now();
    const run = (async () => {
      await deps.housekeeping?.(at);
      await deps.scheduler.tick();
    })().then(
      () => {
        lastTick = { at, ok: true };
      },
      (error: unknown) => {
        lastTick = { at, ok: false, error: error instanceof Error ? error.message : String(error) };
        deps.log.error({ err: error }, 'scheduler tick failed');
      },
    );
    ticks.add(run);
    void run.finally(() => ticks.delete(run));
  }

  function schedule(): void {
    const now = clock.now().getTime();
    // A second past the boundary, so a fire at hh:mm:00 is due when the tick looks.
    const wait = intervalMs === TICK_INTERVAL_MS ? intervalMs - (now % intervalMs) + 1_000 : intervalMs;
    timer = setTimeout(() => {
      tick();
      schedule();
    }, wait);
    timer.unref();
  }

  return {
    name: 'scheduler',
    async start() {
      await deps.prepare?.();
      state = 'ready';
      tick();
      schedule();
      deps.log.info({ instance: deps.scheduler.instanceId }, 'scheduler started');
    },
    async stop() {
      if (timer) clearTimeout(timer);
      state = 'stopped';
      await deps.scheduler.stop();
      await Promise.allSettled([...ticks]);
    },
    status() {
      if (state !== 'ready' || !lastTick) return { state };
      return lastTick.ok
        ? { state: 'ready', detail: `last tick ${lastTick.at.toISOString()}` }
        : { state: 'degraded', detail: `last tick ${lastTick.at.toISOString()} failed: ${lastTick.error}` };
    },
  };
}
