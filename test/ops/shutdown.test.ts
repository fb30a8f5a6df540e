import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeMarket, startFakeMarket } from '../support/fake-market.ts';

const BIN = fileURLToPath(new URL('../../bin/briefbot.js', import.meta.url));

let market: FakeMarket;
beforeAll(async () => {
  market = await startFakeMarket();
});
afterAll(() => market.close());

describe('briefbot serve', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'serves /healthz, then stops cleanly on %s within the bound',
    async (signal) => {
      const child = spawn(process.execPath, [BIN, 'serve'], {
        // The HTTP interactions endpoint alone is a platform: no gateway or socket to fake here.
        env: {
          PATH: process.env.PATH ?? '',
          ...market.env,
          LOG_LEVEL: 'info',
          PORT: '0',
          HOST: '127.0.0.1',
          DISCORD_PUBLIC_KEY: 'a'.repeat(64),
          DATABASE_URL: 'sqlite::memory:',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let logs = '';
      const port = await new Promise<number>((resolve, reject) => {
        child.stderr.on('data', (chunk: Buffer) => {
          logs += chunk.toString();
          const ready = /"port":(\d+)[^\n]*"msg":"briefbot ready"/.exec(logs);
          if (ready) resolve(Number(ready[1]));
        });
        child.on('exit', (code) => reject(new Error(`exited early with ${code}: ${logs}`)));
      });
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);

      const started = Date.now();
      const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      child.kill(signal);
      expect(await exit).toBe(0);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(logs).toContain('"msg":"stopped"');
    },
    30_000,
  );
});
