import type { BenchResult } from './report.ts';

/**
 * A figure a benchmark is judged on: a ratio to a baseline measured in the same run, held to at
 * most or at least a limit.
 */
export type Judged =
  | { readonly value: number; readonly atMost: number }
  | { readonly value: number; readonly atLeast: number };

/** A benchmark result that names the figures its `pass` is decided by. */
export interface JudgedResult extends BenchResult {
  readonly judged: Readonly<Record<string, Judged>>;
}

export interface TrialsResult extends BenchResult {
  /** Each judged figure's median over the trials. */
  readonly medians: Readonly<Record<string, number>>;
  /** How many trials met every target on their own. */
  readonly trialsPassed: number;
  /** Every trial's result in full (controls included), in the order they ran. */
  readonly trials: readonly JudgedResult[];
}

export function meets(judged: Judged, value = judged.value): boolean {
  return 'atMost' in judged ? value <= judged.atMost : value >= judged.atLeast;
}

/**
 * Judges several trials of one comparison, each a fresh process with its own baselines. One
 * trial's p99 ratio depends on the process it ran in (on the shared 2-vCPU machine, runs of the
 * same Discord code minutes apart read from 1.09 to 1.29), so one run can pass or fail on the luck
 * of one process. The comparison passes when a majority of trials meet every target on their own
 * (which also puts every judged figure's median within its target). A trial that misses is still
 * reported: every trial's figures, each figure's median and its worst.
 */
export function acrossTrials(results: readonly JudgedResult[]): TrialsResult {
  if (results.length === 0 || results.length % 2 === 0) {
    throw new Error(`an odd number of trials is needed for a median, not ${results.length}`);
  }
  const first = results[0] as JudgedResult;
  const names = Object.keys(first.judged);
  for (const result of results) {
    for (const name of names) {
      const value = result.judged?.[name]?.value;
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new Error(`a trial reported no finite ${name} (${String(value)})`);
      }
    }
  }
  const limitOf = (name: string) => first.judged[name] as Judged;
  const valuesOf = (name: string) => results.map((r) => (r.judged[name] as Judged).value);
  const medians = Object.fromEntries(names.map((name) => [name, median(valuesOf(name))]));
  const trialsPassed = results.filter((r) => names.every((name) => meets(r.judged[name] as Judged))).length;
  const pass = trialsPassed > results.length / 2;
  const figures = names
    .map((name) => {
      const values = valuesOf(name);
      const worst = 'atMost' in limitOf(name) ? Math.max(...values) : Math.min(...values);
      return `${name} median ${medians[name]}, worst ${worst} (trials ${values.join(', ')})`;
    })
    .join('; ');
  const lead = names[0] as string;
  const leadTrial = results.find((r) => (r.judged[lead] as Judged).value === medians[lead]) as JudgedResult;
  return {
    medians,
    trialsPassed,
    trials: results,
    summary: `${results.length} trials: ${figures}; ${trialsPassed} of ${results.length} met every target alone. The trial with the median ${lead}: ${leadTrial.summary ?? ''}`,
    target: `${first.target ?? 'every judged figure'}, in a majority of ${results.length} trials`,
    pass,
  };
}

/** Runs `trial` `count` times, one after another, and judges them together (see `acrossTrials`). */
export async function runTrials(count: number, trial: () => Promise<JudgedResult>): Promise<TrialsResult> {
  const results: JudgedResult[] = [];
  for (let i = 0; i < count; i += 1) results.push(await trial());
  return acrossTrials(results);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[(sorted.length - 1) / 2] as number;
}
