import type { SourceObserver } from '../market/market-service.ts';

export interface SourceHealth {
  readonly lastSuccess?: string;
  readonly lastFailure?: string;
  readonly lastError?: string;
  readonly consecutiveFailures: number;
}

/** Remembers each source's last success and failure, for `/healthz`. */
export function createSourceHealth(
  now: () => Date = () => new Date(),
): SourceObserver & { snapshot(): Record<string, SourceHealth> } {
  const health = new Map<string, SourceHealth>();
  return {
    onSourceResult({ source, ok, code }) {
      const previous = health.get(source) ?? { consecutiveFailures: 0 };
      const at = now().toISOString();
      health.set(
        source,
        ok
          ? { ...previous, lastSuccess: at, consecutiveFailures: 0 }
          : {
              ...previous,
              lastFailure: at,
              lastError: code ?? 'error',
              consecutiveFailures: previous.consecutiveFailures + 1,
            },
      );
    },
    snapshot() {
      return Object.fromEntries(health);
    },
  };
}
