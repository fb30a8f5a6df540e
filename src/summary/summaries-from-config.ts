import type { Config } from '../config/config.ts';
import type { Logger } from '../log/logger.ts';
import type { TokenUsage } from '../store/store.ts';
import { createBriefSummaries, type SummariseBrief } from './brief-summaries.ts';
import { createOpenAiSummarizer, OPENAI_DEFAULT_BASE_URL } from './create-openai-summarizer.ts';
import { createDailyTokenBudget, inMemoryTokenUsage } from './daily-token-budget.ts';
import { createPromptSource } from './summary-prompt.ts';

type SummaryConfig = Pick<
  Config,
  | 'OPENAI_API_KEY'
  | 'OPENAI_BASE_URL'
  | 'OPENAI_MODEL'
  | 'OPENAI_TIMEOUT_MS'
  | 'OPENAI_MAX_RETRIES'
  | 'OPENAI_DAILY_TOKEN_BUDGET'
  | 'SIGMA_WINDOW_DAYS'
>;

/** Summaries are off unless a key (OpenAI or a gateway) or a base URL (a local server) is set. */
export function summariesEnabled(config: SummaryConfig): boolean {
  return config.OPENAI_API_KEY !== undefined || config.OPENAI_BASE_URL !== undefined;
}

/**
 * `summariseBrief` as configured: on the `openai` client when enabled, otherwise a function that
 * always answers undefined (the brief keeps its template's own lead).
 */
export function createSummariesFromConfig(
  config: SummaryConfig,
  options: {
    readonly log: Logger;
    readonly now?: () => Date;
    readonly promptsDir?: string;
    /** Where the day's token totals are kept: the store's, so instances share one budget. */
    readonly usage?: TokenUsage;
  },
): SummariseBrief {
  if (!summariesEnabled(config)) return async () => undefined;
  const log = options.log.child({ component: 'summary' });
  const baseUrl = config.OPENAI_BASE_URL ?? OPENAI_DEFAULT_BASE_URL;
  // The host only: a base URL may carry credentials in its user-info part.
  log.info(
    {
      endpoint: new URL(baseUrl).host,
      model: config.OPENAI_MODEL,
      timeoutMs: config.OPENAI_TIMEOUT_MS,
      budgetTokens: config.OPENAI_DAILY_TOKEN_BUDGET,
    },
    'LLM summaries on',
  );
  return createBriefSummaries({
    summarizer: createOpenAiSummarizer({
      baseUrl,
      ...(config.OPENAI_API_KEY === undefined ? {} : { apiKey: config.OPENAI_API_KEY }),
      model: config.OPENAI_MODEL,
      timeoutMs: config.OPENAI_TIMEOUT_MS,
      maxRetries: config.OPENAI_MAX_RETRIES,
    }),
    budget: createDailyTokenBudget({
      limitTokens: config.OPENAI_DAILY_TOKEN_BUDGET,
      usage: options.usage ?? inMemoryTokenUsage(),
      ...(options.now ? { now: options.now } : {}),
    }),
    log,
    sigmaWindowDays: config.SIGMA_WINDOW_DAYS,
    ...(options.promptsDir === undefined ? {} : { prompts: createPromptSource(options.promptsDir) }),
  });
}
