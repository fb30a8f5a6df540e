import { createHash } from 'node:crypto';
import type { BriefSummary } from '../briefing/brief-summary.ts';
import type { BriefTemplate } from '../briefing/brief-template.ts';
import type { Snapshot } from '../briefing/snapshot.ts';
import type { Logger } from '../log/logger.ts';
import type { DailyTokenBudget } from './daily-token-budget.ts';
import { buildFactSheet, type FactSheet } from './fact-sheet.ts';
import { groundSummary } from './ground-summary.ts';
import { type ModelPrompt, type Summarizer, SummarizerError } from './summarizer.ts';
import { createPromptSource, type PromptTemplates, renderSummaryPrompt } from './summary-prompt.ts';
import { type WithheldCode, withheldCodeFor, withheldReason } from './withheld-reason.ts';

export interface SummariseInput {
  readonly snapshot: Snapshot;
  readonly template: BriefTemplate;
  /** The brief's locale; the template's own by default. */
  readonly locale?: string;
}

/** The summary for a brief, or undefined when summaries are off. Never throws. */
export type SummariseBrief = (input: SummariseInput) => Promise<BriefSummary | undefined>;

export interface BriefSummariesDeps {
  readonly summarizer: Summarizer;
  readonly budget: DailyTokenBudget;
  readonly log: Logger;
  readonly prompts?: () => Promise<PromptTemplates>;
  readonly sigmaWindowDays?: number;
  /** Summaries kept by content hash; a brief run needs one per template and locale. */
  readonly maxCachedSummaries?: number;
  /** A timeout or an HTTP error is remembered this long, so a digest does not retry per channel. */
  readonly retryFailedAfterMs?: number;
  readonly now?: () => number;
}

/** How long an outcome stays cached: a verdict on an answer for good, a failed call briefly. */
interface Outcome {
  readonly summary: BriefSummary;
  readonly keep: 'always' | 'briefly' | 'never';
}

interface Entry {
  readonly outcome: Promise<Outcome>;
  expiresAtMs: number;
}

/**
 * Grounded summaries, one model call per distinct brief. The cache key is a hash of everything the
 * answer depends on (the model, the rendered prompts with the fact sheet and headlines, the
 * template and locale), so a digest sent to a thousand channels, a preview and its "post" share
 * one call, and concurrent callers share the call in flight.
 */
export function createBriefSummaries(deps: BriefSummariesDeps): SummariseBrief {
  const { summarizer, budget, log } = deps;
  const prompts = deps.prompts ?? createPromptSource();
  const now = deps.now ?? Date.now;
  const maxEntries = deps.maxCachedSummaries ?? 256;
  const retryAfterMs = deps.retryFailedAfterMs ?? 60_000;
  const entries = new Map<string, Entry>();
  const prompted = new WeakMap<
    FactSheet,
    Map<string, { templates: PromptTemplates; template: BriefTemplate; prompt: ModelPrompt; key: string }>
  >();

  function cached(key: string, ask: () => Promise<Outcome>): Promise<Outcome> {
    const found = entries.get(key);
    if (found && found.expiresAtMs > now()) {
      // Least recently used goes first when the cache is full.
      entries.delete(key);
      entries.set(key, found);
      return found.outcome;
    }
    const entry: Entry = { outcome: ask(), expiresAtMs: Number.POSITIVE_INFINITY };
    entries.set(key, entry);
    void entry.outcome.then(({ keep }) => {
      if (keep === 'never' && entries.get(key) === entry) entries.delete(key);
      if (keep === 'briefly') entry.expiresAtMs = now() + retryAfterMs;
    });
    for (const oldest of entries.keys()) {
      if (entries.size <= maxEntries) break;
      entries.delete(oldest);
    }
    return entry.outcome;
  }

  return async ({ snapshot, template, locale: given }) => {
    const locale = given ?? template.locale;
    const withheld = (code: WithheldCode): BriefSummary => ({
      kind: 'withheld',
      reason: withheldReason(code, locale),
    });
    try {
      const sheet = buildFactSheet(snapshot, { locale, sigmaWindowDays: deps.sigmaWindowDays ?? 60 });
      if (sheet.facts.length === 0) return withheld('no-facts');
      let templates: PromptTemplates;
      try {
        templates = await prompts();
      } catch (error) {
        log.error({ err: error }, 'summary prompts could not be read');
        return withheld('prompt');
      }
      const { prompt, key } = promptFor(templates, sheet, template, locale);
      const context = { key: key.slice(0, 12), template: template.name, locale };
      const outcome = await cached(key, () =>
        ask(prompt, sheet, context, withheld).catch((error: unknown): Outcome => {
          log.error({ err: error, ...context }, 'summary failed');
          return { summary: withheld('model-error'), keep: 'briefly' };
        }),
      );
      return outcome.summary;
    } catch (error) {
      // A summary is optional: whatever goes wrong, the brief goes out without one.
      log.error({ err: error, template: template.name, locale }, 'summary failed');
      return withheld('model-error');
    }
  };

  /** Rendering and hashing cost more than the rest of a cache hit, and a digest repeats them per channel. */
  function promptFor(
    templates: PromptTemplates,
    sheet: FactSheet,
    template: BriefTemplate,
    locale: string,
  ): { prompt: ModelPrompt; key: string } {
    let bySheet = prompted.get(sheet);
    if (!bySheet) {
      bySheet = new Map();
      prompted.set(sheet, bySheet);
    }
    const memoKey = `${template.file}|${template.name}|${locale}`;
    const found = bySheet.get(memoKey);
    if (found && found.templates === templates && found.template === template) return found;
    const prompt = renderSummaryPrompt(templates, { sheet, template, locale });
    const key = contentHash(summarizer.model, prompt, sheet, template.name, locale);
    bySheet.set(memoKey, { templates, template, prompt, key });
    return { prompt, key };
  }

  async function ask(
    prompt: ModelPrompt,
    sheet: FactSheet,
    context: { key: string; template: string; locale: string },
    withheld: (code: WithheldCode) => BriefSummary,
  ): Promise<Outcome> {
    let usedTokens: number;
    try {
      usedTokens = await budget.used();
    } catch (error) {
      // Without the day's total the budget cannot be kept, so no call is made (and none is paid for).
      log.warn({ event: 'summary.skipped', ...context, err: error }, 'summary skipped: token use unreadable');
      return { summary: withheld('budget-unknown'), keep: 'briefly' };
    }
    if (usedTokens >= budget.limitTokens) {
      log.warn(
        { event: 'summary.skipped', ...context, usedTokens, budgetTokens: budget.limitTokens },
        'summary skipped: daily token budget reached',
      );
      return { summary: withheld('budget'), keep: 'never' };
    }
    let answer: Awaited<ReturnType<Summarizer['complete']>>;
    try {
      answer = await summarizer.complete(prompt);
    } catch (error) {
      const known = error instanceof SummarizerError ? error : undefined;
      log.warn(
        {
          event: 'summary.call',
          ...context,
          model: summarizer.model,
          outcome: known?.code ?? 'ERROR',
          latencyMs: known?.context.latencyMs,
          status: known?.context.status,
          err: error,
        },
        'summary model call failed',
      );
      return { summary: withheld(known?.code === 'TIMEOUT' ? 'timeout' : 'model-error'), keep: 'briefly' };
    }
    // The call is paid for whatever happens here; a total that cannot be written is logged, and the
    // answer is still used.
    const usedTokensToday = await budget.record(answer.usage.totalTokens).catch((error: unknown) => {
      log.error(
        { event: 'summary.usage', ...context, tokens: answer.usage.totalTokens, err: error },
        'summary tokens could not be added to the day’s total',
      );
      return undefined;
    });
    log.info(
      {
        event: 'summary.call',
        ...context,
        model: answer.model,
        outcome: 'answer',
        latencyMs: answer.latencyMs,
        tokens: {
          prompt: answer.usage.promptTokens,
          completion: answer.usage.completionTokens,
          total: answer.usage.totalTokens,
          estimated: answer.usage.estimated,
        },
        usedTokensToday,
        budgetTokens: budget.limitTokens,
      },
      'summary model call',
    );
    const grounded = groundSummary(answer.content, sheet);
    if (!grounded.ok) {
      log.warn(
        {
          event: 'summary.withheld',
          ...context,
          check: grounded.failure.code,
          detail: grounded.failure.detail,
        },
        'summary withheld: it failed verification',
      );
      return { summary: withheld(withheldCodeFor(grounded.failure)), keep: 'always' };
    }
    log.debug(
      { event: 'summary.ok', ...context, facts: grounded.facts, cited: grounded.cited },
      'summary ok',
    );
    return { summary: { kind: 'summary', text: grounded.text }, keep: 'always' };
  }
}

function contentHash(
  model: string,
  prompt: ModelPrompt,
  sheet: FactSheet,
  template: string,
  locale: string,
): string {
  const content = JSON.stringify({
    model,
    template,
    locale,
    system: prompt.system,
    user: prompt.user,
    facts: sheet.facts.map((f) => [f.id, f.text]),
    headlines: sheet.headlines.map((h) => [h.id, h.source, h.url]),
  });
  return createHash('sha256').update(content).digest('hex');
}
