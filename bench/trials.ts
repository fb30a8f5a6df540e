import type { BenchResult } from './report.ts';

/**
 * A figure a benchmark is judged on, with its limit: a ratio to a baseline measured in the same
 * run, at most (`atMost`) or at least (`atLeast`) the limit.
 */
export interface Judged {
  readonly value: number;
  readonly atMost?: number;
  readonly atLeast?: number;
}

/** A benchmark result that names the figures its `pass` is decided by. */
export interface JudgedResult extends BenchResult {
  readonly judged: Readonly<Record<string, Judged>>;
}

export interface TrialsResult extends BenchResult {
  /** Each judged figure's median over the trials, the figure the target is held to. */
  readonly medians: Readonly<Record<string, number>>;
  /** Every trial's judged figures and whether that trial alone met every target. */
  readonly trials: readonly { readonly judged: Readonly<Record<string, number>>; readonly pass: boolean }[];
  /** The trial whose first judged figure is that figure's median, in full. */
  readonly medianTrial: JudgedResult;
}

export function meets(judged: Judged, value = judged.value): boolean {
  return (
    (judged.atMost === undefined || value <= judged.atMost) &&
    (judged.atLeast === undefined || value >= judged.atLeast)
  );
}

/**
 * The median of each judged figure over several trials, each a fresh process with its own
 * baseline. One trial's p99 ratio moves with the process it ran in: on the shared 2-vCPU machine,
 * runs of the same code a few minutes apart read the Discord ratio anywhere from 1.12 to 1.34,
 * further apart than two identical baselines ever read against each other. The median of an odd
 * number of trials is what a typical process measures; every trial's figures stay in the result
 * and the summary, with how many trials met every target on their own.
 */
export function acrossTrials(results: readonly JudgedResult[]): TrialsResult {
  if (results.length === 0 || results.length % 2 === 0) {
    throw new Error(`an odd number of trials is needed for a median, not ${results.length}`);
  }
  const first = results[0] as JudgedResult;
  const names = Object.keys(first.judged);
  const valuesOf = (name: string) => results.map((r) => figure(r, name));
  const medians = Object.fromEntries(names.map((name) => [name, median(valuesOf(name))]));
  const pass = names.every((name) => meets(first.judged[name] as Judged, medians[name]));
  const lead = names[0] as string;
  const medianTrial = results.find((r) => figure(r, lead) === medians[lead]) as JudgedResult;
  const trials = results.map((r) => ({
    judged: Object.fromEntries(names.map((name) => [name, figure(r, name)])),
    pass: names.every((name) => meets(r.judged[name] as Judged)),
  }));
  const spread = names
    .map((name) => {
      const values = valuesOf(name);
      return `${name} ${medians[name]} (trials ${values.join(', ')})`;
    })
    .join('; ');
  const passedAlone = trials.filter((t) => t.pass).length;
  return {
    medians,
    trials,
    medianTrial,
    summary: `median of ${results.length} trials: ${spread}; ${passedAlone} of ${results.length} trials met every target alone. Median trial: ${medianTrial.summary ?? ''}`,
    ...(medianTrial.target === undefined
      ? {}
      : { target: `${medianTrial.target}, median of ${results.length} trials` }),
    pass,
  };
}

/** Runs `trial` `count` times, one after another, and judges the medians (see `acrossTrials`). */
export async function runTrials(count: number, trial: () => Promise<JudgedResult>): Promise<TrialsResult> {
  const results: JudgedResult[] = [];
  for (let i = 0; i < count; i += 1) results.push(await trial());
  return acrossTrials(results);
}

function figure(result: JudgedResult, name: string): number {
  const judged = result.judged[name];
  if (judged === undefined) throw new Error(`a trial did not report ${name}`);
  return judged.value;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[(sorted.length - 1) / 2] as number;
}
