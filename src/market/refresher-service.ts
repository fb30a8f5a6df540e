import type { Asset, Market } from '../domain/instruments.ts';
import type { Logger } from '../log/logger.ts';
import type { Service } from '../serve/service.ts';
import type { MarketService } from './market-service.ts';
import { type RefreshTask, refreshPlan } from './refresh-plan.ts';

/** How often the refresher looks for due tasks; each task has its own period. */
export const TICK_MS = 15_000;

const WAIT = { waitForRefresh: true } as const;

/** Called after each refreshed task with it, so history and alerts see fresh data at once. */
export type RefreshListener = (tasks: readonly RefreshTask[]) => void | Promise<void>;

export interface RefresherDeps {
  readonly market: MarketService;
  readonly log: Logger;
  readonly now?: () => Date;
  readonly plan?: readonly RefreshTask[];
  readonly listeners?: readonly RefreshListener[];
}

/**
 * Keeps the cache warm on each source's cycle, so commands answer from memory and alerts see new
 * values without anyone asking. Reads go through the market service, so a refresh shares its
 * single flight with any command asking at the same moment.
 */
export function createRefresherService(deps: RefresherDeps): Service & { runDue(): Promise<number> } {
  const now = deps.now ?? (() => new Date());
  const plan = deps.plan ?? refreshPlan();
  const lastRunMs = new Map<string, number>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;

  async function refresh(task: RefreshTask): Promise<void> {
    try {
      // Waits for the source even while it is failing: the task's period is the retry pace, and the
      // listeners after the pass (history, alerts) then read what this refresh brought.
      if (task.kind === 'curve') await deps.market.curve(task.target as Market, WAIT);
      else if (task.kind === 'quote') await deps.market.quote(task.target as Asset, WAIT);
      else await deps.market.headlines(WAIT);
    } catch (error) {
      deps.log.warn({ task: task.key, err: error }, 'scheduled refresh failed');
    }
  }

  /** Refreshes every task that is due and active; returns how many ran. */
  async function runDue(): Promise<number> {
    const at = now();
    const due = plan.filter(
      (task) =>
        task.activeAt(at) &&
        at.getTime() - (lastRunMs.get(task.key) ?? Number.NEGATIVE_INFINITY) >= task.everyMs,
    );
    for (const task of due) lastRunMs.set(task.key, at.getTime());
    // Each task's listeners run as soon as it is refreshed, one call at a time: a source that is
    // slow or down (the refresh waits for it) holds back only its own history and alert checks.
    let listened = Promise.resolve();
    await Promise.all(
      due.map(async (task) => {
        await refresh(task);
        listened = listened.then(() => notify([task]));
        await listened;
      }),
    );
    return due.length;
  }

  async function notify(tasks: readonly RefreshTask[]): Promise<void> {
    for (const listener of deps.listeners ?? []) {
      await Promise.resolve()
        .then(() => listener(tasks))
        .catch((error: unknown) => deps.log.error({ err: error }, 'refresh listener failed'));
    }
  }

  return {
    name: 'refresher',
    runDue,
    async start() {
      // One pass at a time: a slow source must not stack overlapping passes.
      const tick = () => {
        running ??= runDue().finally(() => {
          running = undefined;
        });
      };
      tick();
      timer = setInterval(tick, TICK_MS);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
