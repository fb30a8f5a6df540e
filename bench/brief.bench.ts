import { composeBrief } from '../src/briefing/compose-brief.ts';
import { renderBriefCharts } from '../src/briefing/render-brief-charts.ts';
import { loadTemplateLibrary } from '../src/briefing/template-library.ts';
import { renderCurveChart } from '../src/chart/render-curve-chart.ts';
import { renderSparklinePanel } from '../src/chart/render-sparkline-panel.ts';
import { renderDiscord } from '../src/render/discord/render-discord.ts';
import { renderMarkdown } from '../src/render/render-markdown.ts';
import { renderText } from '../src/render/render-text.ts';
import { renderSlack } from '../src/render/slack/render-slack.ts';
import { goldenPriceHistory, goldenSnapshot } from '../test/briefing/golden-snapshot.ts';
import type { BenchResult } from './report.ts';
import { type LatencySummary, summarise, timeRuns } from './stats.ts';

export interface BriefResult extends BenchResult {
  /** Reading and checking every template in `templates/`, as `/brief` does on each call. */
  readonly loadTemplates: LatencySummary;
  /** Composing one template from a snapshot and rendering it for Slack, Discord, text and Markdown. */
  readonly composeAndRender: Readonly<Record<string, LatencySummary>>;
  /**
   * Drawing the morning brief's pictures (compact curve chart and price sparklines) with no cache:
   * what each fire pays once, before any channel's brief is composed.
   */
  readonly morningCharts: LatencySummary;
  readonly pass: boolean;
}

/** The in-process cost of a brief once its snapshot is taken: what a digest pays per channel. */
export async function benchBrief(): Promise<BriefResult> {
  const snapshot = await goldenSnapshot();
  const loadTemplates = summarise(await timeRuns(200, 20, () => loadTemplateLibrary()));
  const library = await loadTemplateLibrary();
  const prices = goldenPriceHistory();
  const uncached = { prices, renderCurve: renderCurveChart, renderSparklines: renderSparklinePanel };
  const morning = library.get('morning');
  const morningCharts = summarise(
    await timeRuns(40, 5, () => (morning ? renderBriefCharts(morning, snapshot, uncached) : undefined)),
  );
  const composeAndRender: Record<string, LatencySummary> = {};
  for (const name of library.names) {
    const template = library.get(name);
    if (!template) continue;
    // Composed with its pictures, as every channel gets it: the image blocks' alt text is rendered too.
    const charts = await renderBriefCharts(template, snapshot, { prices });
    composeAndRender[name] = summarise(
      await timeRuns(500, 50, () => {
        const doc = composeBrief({ snapshot, template, timeZone: 'Asia/Tokyo', charts });
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
    morningCharts,
    summary: `templates load p99 ${loadTemplates.p99Ms.toFixed(2)} ms; compose + 4 renders p99 ≤ ${worst.toFixed(2)} ms per template; morning charts drawn p50 ${morningCharts.p50Ms.toFixed(1)} ms once per fire`,
    target:
      'compose + render p99 under 10 ms; template load p99 under 20 ms; morning charts p50 under 100 ms',
    pass: worst < 10 && loadTemplates.p99Ms < 20 && morningCharts.p50Ms < 100,
  };
}
