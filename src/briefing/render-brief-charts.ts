import type { PriceHistory } from '../alerts/observe-subject.ts';
import { CHART_SIZES } from '../chart/chart-theme.ts';
import { curveChartFileName } from '../chart/curve-chart-spec.ts';
import { type CurveChartRenderer, createCachedCurveChartRenderer } from '../chart/render-curve-chart.ts';
import {
  createCachedSparklinePanelRenderer,
  type SparklinePanelRenderer,
} from '../chart/render-sparkline-panel.ts';
import { ASSET_INFO } from '../domain/instruments.ts';
import type { Logger } from '../log/logger.ts';
import {
  type BriefChart,
  type BriefChartRequest,
  type BriefCharts,
  chartKey,
  chartRequests,
  curveComparison,
  type PriceTrail,
  priceTrail,
} from './brief-charts.ts';
import { createBriefFormat } from './brief-format.ts';
import { stringsFor } from './brief-strings.ts';
import type { BriefTemplate } from './brief-template.ts';
import type { Snapshot } from './snapshot.ts';

export interface BriefChartDeps {
  /** Recorded daily closes; without it a brief has no sparklines. */
  readonly prices?: Pick<PriceHistory, 'series'>;
  /** Told of every chart that could not be drawn. */
  readonly log?: Pick<Logger, 'warn'>;
  /** Tests replace the renderers; by default each is cached, so a picture is drawn once. */
  readonly renderCurve?: CurveChartRenderer;
  readonly renderSparklines?: SparklinePanelRenderer;
}

/** Every brief and `/brief` shares these: the same snapshot draws the same pictures. */
const defaultCurveRenderer = createCachedCurveChartRenderer(16);
const defaultSparklineRenderer = createCachedSparklinePanelRenderer(16);

/** The words drawn into the pictures. The shipped font is Latin only, so they are English. */
const PICTURE_STRINGS = stringsFor('en-US');
const PICTURE_FORMAT = createBriefFormat('en-US', 'UTC');

/**
 * Draws every chart the template asks for from the snapshot, concurrently. A chart that cannot be
 * drawn (no data for it, a price history that will not load, a renderer that throws) is left out
 * with a warning in the log: a picture is never worth a brief.
 */
export async function renderBriefCharts(
  template: BriefTemplate,
  snapshot: Snapshot,
  deps: BriefChartDeps = {},
): Promise<BriefCharts> {
  const drawn = await Promise.all(
    chartRequests(template).map(async (request) => {
      const key = chartKey(request);
      try {
        const chart = await renderBriefChart(request, snapshot, deps);
        return chart ? [[key, chart] as const] : [];
      } catch (error) {
        deps.log?.warn(
          { err: error, chart: key, template: template.name },
          'brief chart not drawn; the brief goes out without it',
        );
        return [];
      }
    }),
  );
  return new Map(drawn.flat());
}

/** One chart, or undefined when the snapshot has nothing for it to show. */
export async function renderBriefChart(
  request: BriefChartRequest,
  snapshot: Snapshot,
  deps: BriefChartDeps,
): Promise<BriefChart | undefined> {
  if (request.kind === 'curve') {
    const comparison = curveComparison(snapshot, request.market, request.vs);
    if (!comparison) return undefined;
    const { market } = request;
    const render = deps.renderCurve ?? defaultCurveRenderer;
    const chart = await render({ market, ...comparison, ...CHART_SIZES.compact });
    return {
      kind: 'curve',
      market,
      ...comparison,
      name: curveChartFileName(market, comparison.today, comparison.past),
      png: chart.png,
      width: chart.width,
      height: chart.height,
    };
  }
  const { prices } = deps;
  if (!prices) return undefined;
  const trails = (
    await Promise.all(
      request.assets.map(async (asset) =>
        priceTrail(snapshot, asset, await prices.series(asset), request.days),
      ),
    )
  ).filter((trail): trail is PriceTrail => trail !== undefined);
  if (trails.length === 0) return undefined;
  const render = deps.renderSparklines ?? defaultSparklineRenderer;
  const panel = await render(sparklinePanelInput(trails, request.days));
  const end =
    trails
      .flatMap((t) => t.points.map((p) => p.date))
      .sort()
      .at(-1) ?? '';
  return {
    kind: 'sparklines',
    days: request.days,
    trails,
    name: `prices-${end}-${request.days}d.png`,
    png: panel.png,
    width: panel.width,
    height: panel.height,
  };
}

/** The picture's words: each row says the date of its last value, as a stale price ends early. */
function sparklinePanelInput(trails: readonly PriceTrail[], days: number) {
  const sources = [...new Set(trails.map((t) => t.source.name))].join(', ');
  return {
    title: `Daily closes over ${days} days`,
    source: `Source: ${sources}, as recorded by briefbot; the last point is the brief's price`,
    rows: trails.map(({ asset, points }) => {
      const first = points[0]?.value ?? Number.NaN;
      const last = points.at(-1)?.value ?? Number.NaN;
      return {
        label: PICTURE_STRINGS.asset[asset],
        note: `to ${points.at(-1)?.date ?? ''}`,
        values: points.map((p) => p.value),
        last: PICTURE_FORMAT.price(last, ASSET_INFO[asset].decimals),
        change: PICTURE_FORMAT.percentChange(first, last),
      };
    }),
  };
}
