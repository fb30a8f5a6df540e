import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeMarket, startFakeMarket } from '../support/fake-market.ts';
import { startServe } from '../support/serve-process.ts';

let market: FakeMarket;
beforeAll(async () => {
  market = await startFakeMarket();
});
afterAll(() => market.close());

describe('briefbot serve', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'serves /healthz, then stops cleanly on %s within the bound',
    async (signal) => {
      // The HTTP interactions endpoint alone is a platform: no gateway or socket to fake here.
      const serve = await startServe({
        ...market.env,
        DISCORD_PUBLIC_KEY: 'a'.repeat(64),
        DATABASE_URL: 'sqlite::memory:',
      });
      const health = await fetch(`${serve.baseUrl}/healthz`);
      expect(health.status).toBe(200);

      const started = Date.now();
      expect(await serve.stop(signal)).toBe(0);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(serve.logs()).toContain('"msg":"stopped"');
    },
    30_000,
  );
});
