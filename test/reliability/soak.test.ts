import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('./soak-script.ts', import.meta.url));

describe('200 concurrent commands for 30 seconds', () => {
  it('serves them all without an error and with flat memory', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', SCRIPT],
      {
        env: { ...process.env, SOAK_MS: '30000', SOAK_CONCURRENCY: '200' },
        maxBuffer: 1_000_000,
      },
    );
    const result = JSON.parse(stdout) as { served: number; internalErrors: number; heapSamplesMb: number[] };
    expect(result.internalErrors).toBe(0);
    expect(result.served).toBeGreaterThan(10_000);
    // Flat: after the first sample (caches warm, JIT settled) the heap may wobble but not climb.
    const [first, ...rest] = result.heapSamplesMb;
    expect(first).toBeDefined();
    expect(Math.max(...rest) - (first ?? 0)).toBeLessThan(20);
  }, 90_000);
});
