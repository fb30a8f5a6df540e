import { Counter, Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { COMMAND_DURATION_BUCKETS, createCommandMetrics } from '../../src/ops/command-metrics.ts';

const SERVED = [
  ['yield', 'answer', 'slack', 0.0004],
  ['yield', 'answer', 'slack', 0.003],
  ['yield', 'user-error', 'discord', 0.001],
  ['brief', 'answer', 'discord', 1.7],
  ['brief', 'internal-error', 'console', 40],
] as const;

describe('command metrics', () => {
  it('scrape exactly as prom-client’s own counter and histogram would for the same commands', async () => {
    const ours = new Registry();
    const metrics = createCommandMetrics(ours);
    const reference = new Registry();
    const counter = new Counter({
      name: 'briefbot_commands_total',
      help: 'Commands served, by command, outcome (answer, user-error, internal-error) and platform',
      labelNames: ['command', 'outcome', 'platform'],
      registers: [reference],
    });
    const histogram = new Histogram({
      name: 'briefbot_command_duration_seconds',
      help: 'Time from receiving a command to its reply being ready',
      labelNames: ['command'],
      buckets: [...COMMAND_DURATION_BUCKETS],
      registers: [reference],
    });
    for (const [command, outcome, platform, seconds] of SERVED) {
      metrics.served(command, outcome, platform, seconds);
      counter.inc({ command, outcome, platform });
      histogram.observe({ command }, seconds);
    }
    const lines = (text: string) => text.split('\n').filter(Boolean).sort();
    expect(lines(await ours.metrics())).toEqual(lines(await reference.metrics()));
    expect(await ours.metrics()).toContain(
      'briefbot_command_duration_seconds_bucket{le="0.001",command="yield"} 2',
    );
  });

  it('start again from nothing when the registry is reset', async () => {
    const registry = new Registry();
    const metrics = createCommandMetrics(registry);
    metrics.served('yield', 'answer', 'slack', 0.001);
    registry.resetMetrics();
    expect(await registry.metrics()).not.toContain('command="yield"');
  });
});
