import type { Metric, MetricValue, MetricValueWithName, Registry } from 'prom-client';

export const COMMAND_DURATION_BUCKETS = [0.001, 0.005, 0.02, 0.1, 0.5, 1, 2, 5, 15] as const;

export interface CommandMetrics {
  served(command: string, outcome: string, platform: string, seconds: number): void;
}

interface Served {
  readonly labels: { readonly command: string; readonly outcome: string; readonly platform: string };
  count: number;
}

interface Durations {
  /** Observations per bucket, not cumulative; the last one is +Inf. */
  readonly perBucket: number[];
  sum: number;
  count: number;
}

/**
 * `briefbot_commands_total` and `briefbot_command_duration_seconds`, counted in plain maps and
 * written out in Prometheus form when scraped. They are updated on every command reply, where
 * prom-client's generic counter and histogram (which validate and hash their labels on every call)
 * cost more than a warm answer itself; the scrape output is the same.
 */
export function createCommandMetrics(registry: Registry): CommandMetrics {
  const served = new Map<string, Map<string, Map<string, Served>>>();
  const durations = new Map<string, Durations>();

  registerMetric(registry, {
    name: 'briefbot_commands_total',
    help: 'Commands served, by command, outcome (answer, user-error, internal-error) and platform',
    type: 'counter',
    values: () => {
      const values: MetricValue<string>[] = [];
      for (const byOutcome of served.values()) {
        for (const byPlatform of byOutcome.values()) {
          for (const tally of byPlatform.values())
            values.push({ labels: { ...tally.labels }, value: tally.count });
        }
      }
      return values;
    },
    reset: () => served.clear(),
  });
  const name = 'briefbot_command_duration_seconds';
  registerMetric(registry, {
    name,
    help: 'Time from receiving a command to its reply being ready',
    type: 'histogram',
    values: () => {
      const values: MetricValueWithName<string>[] = [];
      for (const [command, tally] of durations) {
        let cumulative = 0;
        COMMAND_DURATION_BUCKETS.forEach((bound, i) => {
          cumulative += tally.perBucket[i] ?? 0;
          values.push({ metricName: `${name}_bucket`, labels: { le: bound, command }, value: cumulative });
        });
        values.push({ metricName: `${name}_bucket`, labels: { le: '+Inf', command }, value: tally.count });
        values.push({ metricName: `${name}_sum`, labels: { command }, value: tally.sum });
        values.push({ metricName: `${name}_count`, labels: { command }, value: tally.count });
      }
      return values;
    },
    reset: () => durations.clear(),
  });

  return {
    served(command, outcome, platform, seconds) {
      const tally = servedTally(served, command, outcome, platform);
      tally.count += 1;
      let timing = durations.get(command);
      if (timing === undefined) {
        timing = {
          perBucket: new Array<number>(COMMAND_DURATION_BUCKETS.length + 1).fill(0),
          sum: 0,
          count: 0,
        };
        durations.set(command, timing);
      }
      let bucket = 0;
      while (bucket < COMMAND_DURATION_BUCKETS.length && seconds > (COMMAND_DURATION_BUCKETS[bucket] ?? 0)) {
        bucket += 1;
      }
      timing.perBucket[bucket] = (timing.perBucket[bucket] ?? 0) + 1;
      timing.sum += seconds;
      timing.count += 1;
    },
  };
}

function servedTally(
  served: Map<string, Map<string, Map<string, Served>>>,
  command: string,
  outcome: string,
  platform: string,
): Served {
  let byOutcome = served.get(command);
  if (byOutcome === undefined) {
    byOutcome = new Map();
    served.set(command, byOutcome);
  }
  let byPlatform = byOutcome.get(outcome);
  if (byPlatform === undefined) {
    byPlatform = new Map();
    byOutcome.set(outcome, byPlatform);
  }
  let tally = byPlatform.get(platform);
  if (tally === undefined) {
    tally = { labels: { command, outcome, platform }, count: 0 };
    byPlatform.set(platform, tally);
  }
  return tally;
}

interface CustomMetric {
  readonly name: string;
  readonly help: string;
  readonly type: 'counter' | 'histogram';
  values(): MetricValue<string>[];
  reset(): void;
}

/** A metric prom-client's registry scrapes like its own: it asks `get()` and formats the values. */
function registerMetric(registry: Registry, metric: CustomMetric): void {
  const { name, help, type } = metric;
  const adapter = {
    name,
    help,
    type,
    aggregator: 'sum' as const,
    get: async () => ({ name, help, type, aggregator: 'sum', values: metric.values() }),
    reset: () => metric.reset(),
  };
  registry.registerMetric(adapter as unknown as Metric);
}
