/** What the model is asked: the system prompt (the rules) and the user prompt (the data). */
export interface ModelPrompt {
  readonly system: string;
  readonly user: string;
}

export interface ModelUsage {
  readonly promptTokens: number;
  readonly completionTokens: number;
  readonly totalTokens: number;
  /** The server reported no usage (some local servers do not), so it was estimated from the text. */
  readonly estimated: boolean;
}

export interface ModelAnswer {
  /** The message content as the model wrote it; empty when it wrote nothing. */
  readonly content: string;
  /** The model that answered, as the server names it. */
  readonly model: string;
  readonly usage: ModelUsage;
  readonly latencyMs: number;
}

/**
 * A port for the language model behind brief summaries: one prompt in, one JSON answer out,
 * bounded in time (retries included). Adapters never log or echo their credentials, and throw
 * `SummarizerError` for every failure so callers can withhold the summary and carry on.
 */
export interface Summarizer {
  /** The model asked for, for logs. */
  readonly model: string;
  complete(prompt: ModelPrompt): Promise<ModelAnswer>;
}

export type SummarizerErrorCode = 'TIMEOUT' | 'RATE_LIMITED' | 'HTTP_STATUS' | 'NETWORK';

/** The model could not be asked. Messages never carry the API key. */
export class SummarizerError extends Error {
  override readonly name = 'SummarizerError';
  constructor(
    readonly code: SummarizerErrorCode,
    message: string,
    readonly context: { readonly model: string; readonly status?: number; readonly latencyMs: number },
  ) {
    super(message);
  }
}
