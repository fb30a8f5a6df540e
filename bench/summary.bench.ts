import { loadTemplateLibrary } from '../src/briefing/template-library.ts';
import { loadConfig } from '../src/config/config.ts';
import { createLogger } from '../src/log/logger.ts';
import { buildFactSheet } from '../src/summary/fact-sheet.ts';
import { groundSummary } from '../src/summary/ground-summary.ts';
import { createSummariesFromConfig } from '../src/summary/summaries-from-config.ts';
import { selloffSnapshot } from '../test/summary/summary-snapshot.ts';
import { startFakeOpenAi, summaryAnswer } from '../test/support/fake-openai.ts';
import type { BenchResult } from './report.ts';
import { type LatencySummary, round, summarise, timeRuns } from './stats.ts';

export interface SummaryResult extends BenchResult {
  /** Parsing, filling in and verifying one model answer against the fact sheet. */
  readonly ground: LatencySummary;
  /** A summary already made for this brief: what each further channel of a digest pays. */
  readonly cachedSummary: LatencySummary;
  /** A thousand channels asking at once for a brief nobody has summarised yet. */
  readonly thousandChannels: { readonly wallMs: number; readonly modelCalls: number };
}

const ANSWER =
  'Super-long JGBs sold off again: the 40-year rose {{jgb_40y_change_bp}} to {{jgb_40y_yield}}, a {{jgb_40y_sigma}} move, and the 10-year hit its highest since {{jgb_10y_highest_since}} [h1].';

/** The in-process cost of grounded summaries; the model's own latency is the provider's. */
export async function benchSummary(): Promise<SummaryResult> {
  const snapshot = await selloffSnapshot();
  const sheet = buildFactSheet(snapshot, { locale: 'en-US', sigmaWindowDays: 60 });
  const content = JSON.stringify({ summary: ANSWER });
  const ground = summarise(await timeRuns(2_000, 200, () => groundSummary(content, sheet)));

  const template = (await loadTemplateLibrary()).get('morning');
  if (!template) throw new Error('no morning template');
  const fake = await startFakeOpenAi();
  try {
    fake.script([{ ...summaryAnswer(ANSWER), delayMs: 20 }]);
    const summariseBrief = createSummariesFromConfig(
      loadConfig({ OPENAI_BASE_URL: fake.baseUrl, OPENAI_MAX_RETRIES: '0' }),
      { log: createLogger('silent') },
    );
    const started = performance.now();
    await Promise.all(Array.from({ length: 1_000 }, () => summariseBrief({ snapshot, template })));
    const thousandChannels = {
      wallMs: round(performance.now() - started, 1),
      modelCalls: fake.requests.length,
    };
    const cachedSummary = summarise(await timeRuns(1_000, 100, () => summariseBrief({ snapshot, template })));
    return {
      ground,
      cachedSummary,
      thousandChannels,
      summary: `ground p99 ${ground.p99Ms.toFixed(3)} ms; cached summary p99 ${cachedSummary.p99Ms.toFixed(3)} ms; 1,000 channels: ${thousandChannels.modelCalls} model call in ${thousandChannels.wallMs} ms`,
      target: 'ground p99 under 1 ms; cached p99 under 2 ms; exactly 1 model call',
      pass: ground.p99Ms < 1 && cachedSummary.p99Ms < 2 && thousandChannels.modelCalls === 1,
    };
  } finally {
    await fake.close();
  }
}
