export type ChartErrorCode = 'FONT_MISSING' | 'RENDER_FAILED';

/** A chart could not be drawn. Internal: callers log it and answer without the image. */
export class ChartError extends Error {
  override readonly name = 'ChartError';
  constructor(
    readonly code: ChartErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
  }
}
