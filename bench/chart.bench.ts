import { CHART_SIZES } from '../src/chart/chart-theme.ts';
import { type CurveChartInput, curveChartSpec } from '../src/chart/curve-chart-spec.ts';
import { curveChartSvg, renderCurveChart } from '../src/chart/render-curve-chart.ts';
import { svgToPng } from '../src/chart/svg-to-png.ts';
import { parseMofCsv } from '../src/sources/mof/parse-mof-csv.ts';
import { fixture } from '../test/support/fake-market.ts';
import type { BenchResult } from './report.ts';
import { summarise, timeRuns } from './stats.ts';

const TARGET_P50_MS = 50;

/**
 * The /curve chart from the MOF history (2026-01-20 against 2025-12-19), warm: ECharts to SVG and
 * resvg to PNG measured apart, then the whole render. The first render, which loads ECharts, is
 * reported on its own.
 */
export async function benchChartRender(): Promise<BenchResult> {
  const rows = parseMofCsv(fixture('mof_jgb/jgbcme_all.en.2026-04-30.csv'));
  const row = (date: string) => {
    const found = rows.find((r) => r.date === date);
    if (!found) throw new Error(`fixture has no ${date}`);
    return found;
  };
  const input: CurveChartInput = {
    market: 'jp',
    today: row('2026-01-20'),
    past: row('2025-12-19'),
    source: { id: 'mof', name: 'Ministry of Finance Japan' },
  };
  const coldStart = performance.now();
  const first = await renderCurveChart(input);
  const coldMs = performance.now() - coldStart;

  const spec = curveChartSpec(input);
  const svg = summarise(await timeRuns(100, 10, () => curveChartSvg(curveChartSpec(input))));
  const png = summarise(await timeRuns(50, 5, () => svgToPng(first.svg)));
  const total = summarise(await timeRuns(50, 5, () => renderCurveChart(input)));
  const compact = summarise(
    await timeRuns(50, 5, () => renderCurveChart({ ...input, ...CHART_SIZES.compact })),
  );
  return {
    size: `${spec.width}×${spec.height}`,
    pngBytes: first.png.byteLength,
    coldFirstRenderMs: Math.round(coldMs),
    svg,
    png,
    total,
    compact,
    summary:
      `${spec.width}×${spec.height}: SVG p50 ${svg.p50Ms.toFixed(1)} ms + PNG p50 ${png.p50Ms.toFixed(1)} ms, ` +
      `whole p50 ${total.p50Ms.toFixed(1)} ms (p99 ${total.p99Ms.toFixed(1)}); compact p50 ${compact.p50Ms.toFixed(1)} ms; ` +
      `first render ${Math.round(coldMs)} ms`,
    target: `p50 under ${TARGET_P50_MS} ms warm`,
    pass: total.p50Ms < TARGET_P50_MS,
  };
}
