import { composeBrief } from '../src/briefing/compose-brief.ts';
import { loadTemplateLibrary } from '../src/briefing/template-library.ts';
import { renderDiscord } from '../src/render/discord/render-discord.ts';
import { renderMarkdown } from '../src/render/render-markdown.ts';
import { renderText } from '../src/render/render-text.ts';
import { renderSlack } from '../src/render/slack/render-slack.ts';
import { goldenSnapshot } from '../test/briefing/golden-snapshot.ts';
import type { BenchResult } from './report.ts';
import { type LatencySummary, summarise, timeRuns } from './stats.ts';

export interface BriefResult extends BenchResult {
  /** Reading and checking every template in `templates/`, as `/brief` does on each call. */
  readonly loadTemplates: LatencySummary;
  /** Composing one template from a snapshot and rendering it for Slack, Discord, text and Markdown. */
  readonly composeAndRender: Readonly<Record<string, LatencySummary>>;
  readonly pass: boolean;
}

/** The in-process cost of a brief once its snapshot is taken: what a digest pays per channel. */
export async function benchBrief(): Promise<BriefResult> {
  const snapshot = await goldenSnapshot();
  const loadTemplates = summarise(await timeRuns(200, 20, () => loadTemplateLibrary()));
  const library = await loadTemplateLibrary();
  const composeAndRender: Record<string, LatencySummary> = {};
  for (const name of library.names) {
    const template = library.get(name);
    if (!template) continue;
    composeAndRender[name] = summarise(
      await timeRuns(500, 50, () => {
        const doc = composeBrief({ snapshot, template, timeZone: 'Asia/Tokyo' });
        renderSlack(doc);
        renderDiscord(doc);
        renderText(doc);
        renderMarkdown(doc);
      }),
    );
  }
  const worst = Math.max(...Object.values(composeAndRender).map((s) => s.p99Ms));
  return {
    loadTemplates,
    composeAndRender,
    summary: `templates load p99 ${loadTemplates.p99Ms.toFixed(2)} ms; compose + 4 renders p99 ≤ ${worst.toFixed(2)} ms per template`,
    target: 'compose + render p99 under 10 ms; template load p99 under 20 ms',
    pass: worst < 10 && loadTemplates.p99Ms < 20,
  };
}
