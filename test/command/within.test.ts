import { describe, expect, it } from 'vitest';
import { DEADLINE_TICK_MS, within } from '../../src/command/within.ts';

const later = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('within: the reply budget shared by the Slack and Discord transports', () => {
  it('hands back an answer that is ready in time', async () => {
    expect(await within(Promise.resolve('JGB 40Y 3.743%'), 2_000)).toBe('JGB 40Y 3.743%');
    expect(await within(later(20, 'late but in time'), 2_000)).toBe('late but in time');
  });

  it('gives up after the budget, within one tick, and leaves the work running', async () => {
    const work = later(400, 'slow answer');
    const started = performance.now();
    expect(await within(work, 100)).toBeUndefined();
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(99);
    // Generous: the point is that a budget ends, not a timing claim on a shared machine.
    expect(waited).toBeLessThan(100 + DEADLINE_TICK_MS + 250);
    expect(await work).toBe('slow answer');
  });

  it('keeps each budget to its own length when several overlap', async () => {
    const results = await Promise.all([
      within(later(300, 'long'), 1_000),
      within(later(300, 'short'), 50),
      within(Promise.resolve('ready'), 50),
    ]);
    expect(results).toEqual(['long', undefined, 'ready']);
  });

  it('passes on a failure that happens in time', async () => {
    await expect(within(Promise.reject(new Error('source down')), 1_000)).rejects.toThrow('source down');
  });
});
