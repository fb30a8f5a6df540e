/** Latency summary in milliseconds, from samples in milliseconds. */
export interface LatencySummary {
  readonly samples: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly meanMs: number;
  readonly maxMs: number;
}

export function summarise(samplesMs: readonly number[]): LatencySummary {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  const mean = sorted.reduce((s, v) => s + v, 0) / Math.max(1, sorted.length);
  return {
    samples: sorted.length,
    p50Ms: round(at(0.5)),
    p99Ms: round(at(0.99)),
    meanMs: round(mean),
    maxMs: round(sorted.at(-1) ?? Number.NaN),
  };
}

export function round(value: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Runs `fn` `times` times after `warmup` runs and returns each run's duration in ms. */
export async function timeRuns(times: number, warmup: number, fn: () => unknown): Promise<number[]> {
  for (let i = 0; i < warmup; i += 1) await fn();
  const samples: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const start = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return samples;
}

/**
 * Measures several sides in many short turns. Each turn runs one block on every side, the order
 * rotating by one side per turn, so every side takes every place equally often and (with three
 * sides or more) none runs twice in a row. Returns each side's blocks in the order they ran. A
 * change in the machine's speed (a shared VM drifts by tens of percent within seconds) then lands on
 * every side alike, where a long round per side would let a slow spell fall on one side only.
 */
export async function interleaved<S extends string, R>(
  sides: readonly S[],
  turns: number,
  block: (side: S) => Promise<R>,
): Promise<Record<S, R[]>> {
  if (!Number.isInteger(turns) || turns < 1) throw new Error(`turns must be a whole number, not ${turns}`);
  const results = Object.fromEntries(sides.map((side) => [side, [] as R[]])) as Record<S, R[]>;
  for (let turn = 0; turn < turns; turn += 1) {
    for (let place = 0; place < sides.length; place += 1) {
      const side = sides[(turn + place) % sides.length] as S;
      results[side].push(await block(side));
    }
  }
  return results;
}
