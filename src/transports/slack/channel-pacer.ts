/** A clock the pacer can be driven by; tests pass a manual one instead of waiting in real time. */
export interface PacerClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: PacerClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Spaces sends to one channel at least `intervalMs` apart, in call order; different channels do
 * not wait for each other. Slots are reserved synchronously, so concurrent callers queue fairly.
 */
export interface ChannelPacer {
  /** Resolves when the caller may send to this channel. */
  wait(channelId: string): Promise<void>;
}

export function createChannelPacer(options: { intervalMs: number; clock?: PacerClock }): ChannelPacer {
  const clock = options.clock ?? systemClock;
  const nextFree = new Map<string, number>();
  return {
    async wait(channelId) {
      const now = clock.now();
      forgetIdle(nextFree, now);
      const slot = Math.max(now, nextFree.get(channelId) ?? now);
      nextFree.set(channelId, slot + options.intervalMs);
      if (slot > now) await clock.sleep(slot - now);
    },
  };
}

/** Channels whose slot has long passed need no entry; keeps the map from growing without bound. */
function forgetIdle(nextFree: Map<string, number>, now: number): void {
  if (nextFree.size < 1_000) return;
  for (const [channel, at] of nextFree) if (at <= now) nextFree.delete(channel);
}
