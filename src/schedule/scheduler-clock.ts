/** The scheduler's idea of time. Tests pass one that jumps instead of waiting. */
export interface SchedulerClock {
  now(): Date;
  /** Resolves after `ms`, or early (without throwing) when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemSchedulerClock: SchedulerClock = {
  now: () => new Date(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      }
      signal?.addEventListener('abort', done, { once: true });
    }),
};

/**
 * A clock that runs at real speed, shifted by `offsetMs`: processes in a test share one shifted
 * timeline and start "at" a fire time without waiting for one.
 */
export function offsetSchedulerClock(offsetMs: number): SchedulerClock {
  return { now: () => new Date(Date.now() + offsetMs), sleep: systemSchedulerClock.sleep };
}
