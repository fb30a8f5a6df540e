import { type Logger, pino } from 'pino';

export type { Logger };

/**
 * Structured JSON logs on stderr, so stdout stays clean for `briefbot ask` and the console
 * transport. Secret-bearing fields are redacted by path as a second line of defence.
 */
export function createLogger(level: string, destination: NodeJS.WritableStream = process.stderr): Logger {
  return pino(
    {
      level,
      base: { app: 'briefbot' },
      serializers: { err: serializeError, error: serializeError },
      redact: {
        paths: [
          'token',
          '*.token',
          'apiKey',
          '*.apiKey',
          'headers.authorization',
          '*.headers.authorization',
          'config.*',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

interface SafeError {
  type: string;
  message: string;
  code?: unknown;
  status?: unknown;
  context?: unknown;
  stack?: string;
  cause?: SafeError;
  causes?: SafeError[];
}

/**
 * Errors are logged field by field from a whitelist. HTTP client errors carry the request config,
 * headers included (API keys, bot tokens); copying an error wholesale would write them to the log.
 */
export function serializeError(error: unknown, depth = 0): SafeError | unknown {
  if (!(error instanceof Error)) return error;
  const record = error as Error & { code?: unknown; status?: unknown; context?: unknown; causes?: unknown };
  const safe: SafeError = { type: error.name, message: error.message };
  if (record.code !== undefined) safe.code = record.code;
  if (typeof record.status === 'number') safe.status = record.status;
  if (record.context !== undefined) safe.context = record.context;
  if (depth === 0 && error.stack) safe.stack = error.stack;
  if (depth < 3 && error.cause instanceof Error)
    safe.cause = serializeError(error.cause, depth + 1) as SafeError;
  if (depth < 3 && Array.isArray(record.causes) && record.causes.length > 0) {
    safe.causes = record.causes.map((cause) => serializeError(cause, depth + 1) as SafeError);
  }
  return safe;
}
