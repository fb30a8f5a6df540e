/**
 * How often the shared deadline clock looks at the waiting answers. A budget of `ms` therefore ends
 * between `ms` and `ms + DEADLINE_TICK_MS` after it started: the transports budget 2 s of Slack's
 * and Discord's 3 s, so the tick stays well inside the margin left for the network.
 */
export const DEADLINE_TICK_MS = 25;
/** The clock stops after this many ticks with nothing waiting, so an idle process has no timer. */
const IDLE_TICKS = 40;

interface Waiter {
  readonly deadline: number;
  readonly resolve: (value: undefined) => void;
}

/** Answers still inside their budget: as many as are being answered at this moment. */
const waiting = new Set<Waiter>();
let clock: NodeJS.Timeout | undefined;
let idleTicks = 0;
/** When the clock last ran; a clock silent for much longer than a tick is replaced (see `within`). */
let lastTick = 0;

function tick(): void {
  const now = performance.now();
  lastTick = now;
  for (const waiter of waiting) {
    if (waiter.deadline > now) continue;
    waiting.delete(waiter);
    waiter.resolve(undefined);
  }
  if (waiting.size > 0) {
    idleTicks = 0;
  } else if (++idleTicks >= IDLE_TICKS && clock !== undefined) {
    clearInterval(clock);
    clock = undefined;
  }
}

/**
 * The work's result if it settles within `ms`, else undefined (the work keeps running, and its
 * rejection still reaches whoever awaits it). Used on every command reply to decide between
 * answering at once and deferring: one shared coarse clock serves all of them, where a timer per
 * reply would be set and cleared on every warm answer.
 */
export function within<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise<T | undefined>((resolve, reject) => {
    const now = performance.now();
    const waiter: Waiter = { deadline: now + ms, resolve };
    waiting.add(waiter);
    idleTicks = 0;
    // A clock that has not run for a second is not running (a test's fake timers were swapped back
    // for real ones, say): start a real one rather than wait on it forever.
    if (clock === undefined || now - lastTick > IDLE_TICKS * DEADLINE_TICK_MS) {
      if (clock !== undefined) clearInterval(clock);
      clock = setInterval(tick, DEADLINE_TICK_MS);
      clock.unref();
      lastTick = now;
    }
    work.then(
      (value) => {
        waiting.delete(waiter);
        resolve(value);
      },
      (error: unknown) => {
        waiting.delete(waiter);
        reject(error);
      },
    );
  });
}
