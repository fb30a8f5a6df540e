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
  it('passes when a majority of trials meet every target, and reports every trial', () => {
    const trials = [trial(1.31, 0.9), trial(1.12, 0.95), trial(1.2, 0.85)];
    const result = acrossTrials(trials);
    expect(result.pass).toBe(true);
    expect(result.trialsPassed).toBe(2);
    expect(result.medians).toEqual({ 'p99 ratio': 1.2, 'throughput ratio': 0.9 });
    expect(result.trials).toEqual(trials);
    expect(result.summary).toContain('p99 ratio median 1.2, worst 1.31 (trials 1.31, 1.12, 1.2)');
    expect(result.summary).toContain('throughput ratio median 0.9, worst 0.85 (trials 0.9, 0.95, 0.85)');
    expect(result.summary).toContain('2 of 3 met every target alone');
    expect(result.summary).toContain('The trial with the median p99 ratio: p99 1.2×, throughput 0.85×');
    expect(result.target).toBe('p99 ≤1.25×, in a majority of 3 trials');
  });

  it('fails when most trials miss, even where each figure’s median is met', () => {
    // The first two trials each miss a different target; the medians are within both limits.
    const result = acrossTrials([trial(1.3, 0.9), trial(1.1, 0.7), trial(1.2, 0.85)]);
    expect(result.medians).toEqual({ 'p99 ratio': 1.2, 'throughput ratio': 0.85 });
    expect(result.trialsPassed).toBe(1);
    expect(result.pass).toBe(false);
    expect(acrossTrials([trial(1.3, 0.9), trial(1.26, 0.9), trial(1.1, 0.9)]).pass).toBe(false);
  });

  it('needs an odd number of trials', () => {
    expect(() => acrossTrials([])).toThrow(/odd number/);
    expect(() => acrossTrials([trial(1, 1), trial(1, 1)])).toThrow(/odd number/);
  });

  it('refuses a trial that reports a judged figure missing or not finite', () => {
    const partial: JudgedResult = { judged: { 'p99 ratio': { value: 1.1, atMost: 1.25 } }, pass: true };
    expect(() => acrossTrials([trial(1.1, 0.9), partial, trial(1.1, 0.9)])).toThrow(/throughput ratio/);
    expect(() => acrossTrials([trial(1.1, 0.9), trial(Number.NaN, 0.9), trial(1.1, 0.9)])).toThrow(
      /finite p99 ratio/,
    );
  });
});

describe('meets', () => {
  it('treats the limit itself as met', () => {
    expect(meets({ value: 1.25, atMost: 1.25 })).toBe(true);
    expect(meets({ value: 0.8, atLeast: 0.8 })).toBe(true);
    expect(meets({ value: 1.2501, atMost: 1.25 })).toBe(false);
    expect(meets({ value: 0.7999, atLeast: 0.8 })).toBe(false);
  });
});
