/**
 * Errors are values with codes. A `UserError` is the only kind whose message reaches a channel;
 * everything else is logged with its context and replaced by a short apology and a reference id.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    readonly code: UserErrorCode,
    message: string,
    /** What to type instead, shown under the message. */
    readonly hint?: string,
  ) {
    super(message);
  }
}

export type UserErrorCode =
  | 'UNKNOWN_COMMAND'
  | 'BAD_ARGUMENT'
  | 'MISSING_ARGUMENT'
  | 'TOO_LONG'
  | 'NO_DATA'
  | 'NOT_ALLOWED';

export type SourceErrorCode =
  | 'HTTP_STATUS'
  | 'TIMEOUT'
  | 'NETWORK'
  | 'WRONG_CONTENT'
  | 'EMPTY_BODY'
  | 'UNKNOWN_SYMBOL'
  | 'BAD_PAYLOAD'
  | 'ALL_SOURCES_FAILED';

export interface SourceErrorContext {
  readonly source: string;
  readonly url?: string;
  readonly status?: number;
  readonly attempts?: number;
}

/** A source could not give us a trustworthy value. Carries enough context to log and diagnose. */
export class SourceError extends Error {
  override readonly name = 'SourceError';
  constructor(
    readonly code: SourceErrorCode,
    message: string,
    readonly context: SourceErrorContext,
    options?: { cause?: unknown; causes?: readonly SourceError[] },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.causes = options?.causes ?? [];
  }
  readonly causes: readonly SourceError[];
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
