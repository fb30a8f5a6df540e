import type { PacerClock } from '../../../src/transports/slack/channel-pacer.ts';

/** A clock that only moves when told, so pacing is checked without waiting in real time. */
export interface ManualClock extends PacerClock {
  advance(ms: number): Promise<void>;
  /** The sleeps asked for so far, in milliseconds. */
  readonly sleeps: number[];
}

export function createManualClock(start = 0): ManualClock {
  let now = start;
  const sleepers: { until: number; wake: () => void }[] = [];
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep(ms) {
      sleeps.push(ms);
      return new Promise((resolve) => sleepers.push({ until: now + ms, wake: resolve }));
    },
    async advance(ms) {
      now += ms;
      for (const sleeper of sleepers.filter((s) => s.until <= now)) {
        sleepers.splice(sleepers.indexOf(sleeper), 1);
        sleeper.wake();
      }
      // Let woken senders run to their next await before the caller looks.
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}
