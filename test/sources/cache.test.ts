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
});
