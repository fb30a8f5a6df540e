import { cachedRenderer } from './cached-renderer.ts';
import { ChartError } from './chart-error.ts';
import { curveChartOption } from './curve-chart-option.ts';
import { type CurveChartInput, type CurveChartSpec, curveChartSpec } from './curve-chart-spec.ts';
import { echartsSvg } from './echarts-svg.ts';
import { svgToPng } from './svg-to-png.ts';

export interface RenderedChart {
  readonly svg: string;
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly alt: string;
}

/** The SVG of a curve chart spec (ECharts, server-side). */
export function curveChartSvg(spec: CurveChartSpec): Promise<string> {
  return echartsSvg(curveChartOption(spec), spec.width, spec.height);
}

/** Today's curve against a past one, as SVG and as PNG with the shipped font. */
export async function renderCurveChart(input: CurveChartInput): Promise<RenderedChart> {
  const spec = curveChartSpec(input);
  try {
    const svg = await curveChartSvg(spec);
    const png = await svgToPng(svg);
    return { svg, png, width: spec.width, height: spec.height, alt: spec.alt };
  } catch (error) {
    if (error instanceof ChartError) throw error;
    throw new ChartError('RENDER_FAILED', `Curve chart ${spec.title.text} failed to render`, {
      cause: error,
    });
  }
}

export type CurveChartRenderer = (input: CurveChartInput) => Promise<RenderedChart>;

/**
 * A renderer that remembers its last `maxEntries` charts. A chart is a pure function of its input,
 * and a desk asks for the same comparison many times a morning; concurrent requests for the same
 * chart share one render.
 */
export function createCachedCurveChartRenderer(
  maxEntries = 32,
  render: CurveChartRenderer = renderCurveChart,
): CurveChartRenderer {
  // The values are part of the key: MOF revises a published day now and then.
  const keyOf = (input: CurveChartInput) =>
    JSON.stringify([input.market, input.today, input.past, input.source.name, input.width, input.height]);
  return cachedRenderer(maxEntries, keyOf, render);
}
