import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEADLINE_TICK_MS, within } from '../../src/command/within.ts';

const never = () => new Promise<string>(() => {});

afterEach(() => {
  vi.useRealTimers();
});

// A file of its own: the deadline clock is module state, and this needs it first started under fake timers.
describe('within, when a test swaps fake timers back for real ones', () => {
  it('ends budgets by fake time, then by real time with a real clock', async () => {
    vi.useFakeTimers({
      toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'performance'],
    });
    const underFakeTime = within(never(), 50);
    await vi.advanceTimersByTimeAsync(50 + 2 * DEADLINE_TICK_MS);
    expect(await underFakeTime).toBeUndefined();

    vi.useRealTimers();
    // The fake clock's handle is still set, and no fake time will pass again: once it has been
    // silent for a second, the next budget starts a real clock instead of waiting on the dead one.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await within(never(), 50)).toBeUndefined();
  });
});
