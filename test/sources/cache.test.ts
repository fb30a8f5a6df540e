import { describe, expect, it } from 'vitest';
import { createCache } from '../../src/sources/cache.ts';

describe('cache', () => {
  it('shares one load between concurrent callers of a cold key', async () => {
    const cache = createCache();
    let loads = 0;
    const load = async () => {
      loads += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return 42;
    };
    const results = await Promise.all(Array.from({ length: 50 }, () => cache.get('k', 1_000, load)));
    expect(loads).toBe(1);
    expect(results.every((r) => r.value === 42 && !r.stale)).toBe(true);
  });

  it('serves the last good value marked stale when a refresh fails', async () => {
    let clock = 0;
    const cache = createCache({ now: () => clock });
    await cache.get('k', 100, async () => 'good');
    clock = 500;
    const stale = await cache.get('k', 100, async () => {
      throw new Error('down');
    });
    expect(stale).toMatchObject({ value: 'good', stale: true });
    expect(stale.fetchedAt.getTime()).toBe(0);
  });

  it('throws to every waiting caller when a cold load fails', async () => {
    const cache = createCache();
    const load = async () => {
      throw new Error('down');
    };
    await expect(Promise.all([cache.get('k', 100, load), cache.get('k', 100, load)])).rejects.toThrow('down');
  });

  it('serves the stale value at once while its source is failing, and retries in the background after the pause', async () => {
    let clock = 0;
    const cache = createCache({ now: () => clock, retryAfterFailureMs: 30_000 });
    await cache.get('k', 100, async () => 'good');
    let loads = 0;
    let release: (value: string) => void = () => undefined;
    const failing = async (): Promise<string> => {
      loads += 1;
      throw new Error('down');
    };
    clock = 500;
    expect(await cache.get('k', 100, failing)).toMatchObject({ value: 'good', stale: true });
    expect(loads).toBe(1);

    // Within the pause: nobody waits on the source, and it is not asked again.
    clock = 20_000;
    expect(await cache.get('k', 100, failing)).toMatchObject({ value: 'good', stale: true });
    expect(loads).toBe(1);

    // After it: one load starts, but the caller still gets the stale value without waiting for it.
    clock = 31_000;
    const recovering = () => {
      loads += 1;
      return new Promise<string>((resolve) => {
        release = resolve;
      });
    };
    expect(await cache.get('k', 100, recovering)).toMatchObject({ value: 'good', stale: true });
    expect(await cache.get('k', 100, recovering)).toMatchObject({ value: 'good', stale: true });
    expect(loads).toBe(2);
    release('better');
    await new Promise((resolve) => setImmediate(resolve));
    expect(await cache.get('k', 100, recovering)).toMatchObject({ value: 'better', stale: false });
    expect(loads).toBe(2);
  });

  it('lets a read that waits for a refresh retry inside the pause, while other reads still answer at once', async () => {
    let clock = 0;
    const cache = createCache({ now: () => clock, retryAfterFailureMs: 30_000 });
    await cache.get('k', 100, async () => 'good');
    let loads = 0;
    clock = 500;
    const down = async (): Promise<string> => {
      loads += 1;
      throw new Error('down');
    };
    expect(await cache.get('k', 100, down)).toMatchObject({ value: 'good', stale: true });

    // Still down: the waiting read asks again, and gets the stale value once that fails too.
    clock = 1_000;
    expect(await cache.get('k', 100, down, { waitForRefresh: true })).toMatchObject({
      value: 'good',
      stale: true,
    });
    expect(loads).toBe(2);

    // Recovered: the waiting read gets the new value; a read that does not wait, meanwhile, gets
    // the stale one at once and joins no load of its own.
    clock = 2_000;
    let release: (value: string) => void = () => undefined;
    const recovering = () => {
      loads += 1;
      return new Promise<string>((resolve) => {
        release = resolve;
      });
    };
    const waiting = cache.get('k', 100, recovering, { waitForRefresh: true });
    expect(await cache.get('k', 100, recovering)).toMatchObject({ value: 'good', stale: true });
    expect(loads).toBe(3);
    release('better');
    expect(await waiting).toMatchObject({ value: 'better', stale: false });
    expect(await cache.get('k', 100, down)).toMatchObject({ value: 'better', stale: false });
    expect(loads).toBe(3);
  });

  it('remembers a cold failure for the pause instead of waiting on the source again', async () => {
    let clock = 0;
    const cache = createCache({ now: () => clock, retryAfterFailureMs: 30_000 });
    let loads = 0;
    const down = async (): Promise<number> => {
      loads += 1;
      throw new Error(`down ${loads}`);
    };
    await expect(cache.get('k', 100, down)).rejects.toThrow('down 1');
    clock = 29_999;
    await expect(cache.get('k', 100, down)).rejects.toThrow('down 1');
    expect(loads).toBe(1);
    clock = 30_000;
    await expect(cache.get('k', 100, down)).rejects.toThrow('down 2');
    expect(loads).toBe(2);
    clock = 60_000;
    expect(await cache.get('k', 100, async () => 7)).toMatchObject({ value: 7, stale: false });
  });
});
