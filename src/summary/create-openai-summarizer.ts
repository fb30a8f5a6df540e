import { createRequire } from 'node:module';
import type * as OpenAiModule from 'openai';
import { type ModelAnswer, type Summarizer, SummarizerError } from './summarizer.ts';

export interface OpenAiSummarizerOptions {
  /** An OpenAI-compatible endpoint up to `/v1`; OpenAI's own when absent. */
  readonly baseUrl?: string;
  /** Absent for local servers that need none. */
  readonly apiKey?: string;
  readonly model: string;
  /** The longest a summary may take, every retry included. */
  readonly timeoutMs: number;
  /** Retries after a 408/409/429/5xx or a dropped connection, within `timeoutMs`. */
  readonly maxRetries: number;
}

export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';

/**
 * The client refuses to start without a key, but a local server (Ollama, llama.cpp, vLLM) ignores
 * the Authorization header, so a placeholder stands in. It is not a secret.
 */
const NO_KEY = 'no-key-needed';

/** Characters per token, to estimate usage when a server reports none. */
const CHARS_PER_TOKEN = 4;

/**
 * A summarizer on the `openai` client, for OpenAI, gateways that speak its API (Azure-style
 * proxies, OpenRouter) and local servers. Every option is passed explicitly so the client never
 * falls back to reading `OPENAI_*` variables itself: configuration is read once, in one schema.
 */
// The client is loaded when a summarizer is built, so a bot without summaries never pays its memory.
const requireModule = createRequire(import.meta.url);
let openAiModule: typeof OpenAiModule | undefined;
function openAi(): typeof OpenAiModule {
  openAiModule ??= requireModule('openai') as typeof OpenAiModule;
  return openAiModule;
}

export function createOpenAiSummarizer(options: OpenAiSummarizerOptions): Summarizer {
  const { OpenAI } = openAi();
  const { model, timeoutMs } = options;
  const apiKey = options.apiKey ?? NO_KEY;
  const client = new OpenAI({
    baseURL: options.baseUrl ?? OPENAI_DEFAULT_BASE_URL,
    apiKey,
    adminAPIKey: null,
    organization: null,
    project: null,
    webhookSecret: null,
    // Per attempt; the deadline below bounds all attempts together.
    timeout: timeoutMs,
    maxRetries: options.maxRetries,
    // The client's own logger prints to the console; every call is logged by the caller instead.
    logLevel: 'off',
  });
  // A server may echo the request (Authorization included) into an error body.
  const scrub = (text: string) => (options.apiKey ? text.split(options.apiKey).join('[redacted]') : text);

  return {
    model,
    async complete(prompt): Promise<ModelAnswer> {
      const started = performance.now();
      const elapsed = () => Math.round(performance.now() - started);
      const controller = new AbortController();
      let timer: NodeJS.Timeout | undefined;
      // The client sleeps through a Retry-After without watching the signal, so the deadline races it.
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          controller.abort();
          reject(
            new SummarizerError('TIMEOUT', `no answer within ${timeoutMs} ms`, {
              model,
              latencyMs: elapsed(),
            }),
          );
        }, timeoutMs);
      });
      try {
        const completion = await Promise.race([
          client.chat.completions.create(
            {
              model,
              messages: [
                { role: 'system', content: prompt.system },
                { role: 'user', content: prompt.user },
              ],
              response_format: { type: 'json_object' },
            },
            { signal: controller.signal },
          ),
          deadline,
        ]);
        const content = completion.choices[0]?.message.content ?? '';
        const usage = completion.usage;
        const estimate = (text: string) => Math.ceil(text.length / CHARS_PER_TOKEN);
        return {
          content,
          model: completion.model || model,
          latencyMs: elapsed(),
          usage: usage
            ? {
                promptTokens: usage.prompt_tokens,
                completionTokens: usage.completion_tokens,
                totalTokens: usage.total_tokens,
                estimated: false,
              }
            : {
                promptTokens: estimate(prompt.system) + estimate(prompt.user),
                completionTokens: estimate(content),
                totalTokens: estimate(prompt.system) + estimate(prompt.user) + estimate(content),
                estimated: true,
              },
        };
      } catch (error) {
        throw toSummarizerError(error, model, elapsed(), scrub);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

function toSummarizerError(
  error: unknown,
  model: string,
  latencyMs: number,
  scrub: (text: string) => string,
): SummarizerError {
  if (error instanceof SummarizerError) return error;
  const { APIConnectionTimeoutError, APIError, APIUserAbortError } = openAi();
  if (error instanceof APIConnectionTimeoutError || error instanceof APIUserAbortError)
    return new SummarizerError('TIMEOUT', 'the model did not answer in time', { model, latencyMs });
  if (error instanceof APIError && typeof error.status === 'number') {
    const code = error.status === 429 ? 'RATE_LIMITED' : 'HTTP_STATUS';
    return new SummarizerError(code, scrub(`HTTP ${error.status}: ${clip(error.message)}`), {
      model,
      status: error.status,
      latencyMs,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new SummarizerError('NETWORK', scrub(clip(message)), { model, latencyMs });
}

function clip(text: string): string {
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
