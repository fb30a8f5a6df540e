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
