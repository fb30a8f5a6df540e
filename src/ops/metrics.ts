import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { createCommandMetrics } from './command-metrics.ts';

/**
 * The process's Prometheus metrics. One registry per bot (not prom-client's global one), so tests
 * and several bots in one process never share counters.
 */
export interface Metrics {
  readonly registry: Registry;
  commandServed(labels: { command: string; outcome: string; platform: string }, durationMs: number): void;
  sourceRequest(labels: { source: string; ok: boolean; code?: string }, durationMs: number): void;
  delivery(labels: { platform: string; outcome: 'sent' | 'retried' | 'failed' | 'missed' }): void;
  llmCall(labels: { outcome: string }, tokens: number): void;
}

export function createMetrics(options: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: 'briefbot_' });
  const commands = createCommandMetrics(registry);
  const sources = new Counter({
    name: 'briefbot_source_requests_total',
    help: 'Requests to market data sources, by source and result (ok, or the error code)',
    labelNames: ['source', 'result'],
    registers: [registry],
  });
  const sourceSeconds = new Histogram({
    name: 'briefbot_source_request_duration_seconds',
    help: 'Source request time including retries',
    labelNames: ['source'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10],
    registers: [registry],
  });
  const deliveries = new Counter({
    name: 'briefbot_deliveries_total',
    help: 'Scheduled briefs and alerts posted to channels, by platform and outcome',
    labelNames: ['platform', 'outcome'],
    registers: [registry],
  });
  const llmCalls = new Counter({
    name: 'briefbot_llm_calls_total',
    help: 'Summary model calls, by outcome',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const llmTokens = new Counter({
    name: 'briefbot_llm_tokens_total',
    help: 'Tokens used by summary model calls',
    registers: [registry],
  });

  return {
    registry,
    commandServed({ command, outcome, platform }, durationMs) {
      commands.served(command, outcome, platform, durationMs / 1000);
    },
    sourceRequest({ source, ok, code }, durationMs) {
      sources.inc({ source, result: ok ? 'ok' : (code ?? 'error') });
      sourceSeconds.observe({ source }, durationMs / 1000);
    },
    delivery(labels) {
      deliveries.inc(labels);
    },
    llmCall(labels, tokens) {
      llmCalls.inc(labels);
      if (tokens > 0) llmTokens.inc(tokens);
    },
  };
}
