import { describe, expect, it } from 'vitest';
import { acrossTrials, type JudgedResult, meets } from '../../bench/trials.ts';

function trial(p99: number, throughput: number): JudgedResult {
  const judged = {
    'p99 ratio': { value: p99, atMost: 1.25 },
    'throughput ratio': { value: throughput, atLeast: 0.8 },
  };
  return {
    judged,
    summary: `p99 ${p99}×, throughput ${throughput}×`,
    target: 'p99 ≤1.25×',
    pass: Object.values(judged).every((j) => meets(j)),
  };
}

describe('acrossTrials', () => {
  it('holds each judged figure to its median and keeps every trial', () => {
    const result = acrossTrials([trial(1.31, 0.9), trial(1.12, 0.95), trial(1.2, 0.78)]);
    expect(result.medians).toEqual({ 'p99 ratio': 1.2, 'throughput ratio': 0.9 });
    expect(result.pass).toBe(true);
    expect(result.trials.map((t) => t.pass)).toEqual([false, true, false]);
    expect(result.medianTrial.summary).toBe('p99 1.2×, throughput 0.78×');
    expect(result.summary).toContain('p99 ratio 1.2 (trials 1.31, 1.12, 1.2)');
    expect(result.summary).toContain('1 of 3 trials met every target alone');
    expect(result.target).toBe('p99 ≤1.25×, median of 3 trials');
  });

  it('fails when a median misses its limit, in either direction', () => {
    expect(acrossTrials([trial(1.3, 0.9), trial(1.26, 0.9), trial(1.1, 0.9)]).pass).toBe(false);
    expect(acrossTrials([trial(1.1, 0.7), trial(1.1, 0.79), trial(1.1, 0.9)]).pass).toBe(false);
  });

  it('needs an odd number of trials', () => {
    expect(() => acrossTrials([])).toThrow(/odd number/);
    expect(() => acrossTrials([trial(1, 1), trial(1, 1)])).toThrow(/odd number/);
  });

  it('refuses a trial that does not report a judged figure', () => {
    const partial: JudgedResult = { judged: { 'p99 ratio': { value: 1.1, atMost: 1.25 } }, pass: true };
    expect(() => acrossTrials([trial(1.1, 0.9), partial, trial(1.1, 0.9)])).toThrow(/throughput ratio/);
  });
});

describe('meets', () => {
  it('treats the limit itself as met', () => {
    expect(meets({ value: 1.25, atMost: 1.25 })).toBe(true);
    expect(meets({ value: 0.8, atLeast: 0.8 })).toBe(true);
    expect(meets({ value: 1.2501, atMost: 1.25 })).toBe(false);
  });
});
