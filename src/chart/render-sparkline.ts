import type { XAXisComponentOption, YAXisComponentOption } from 'echarts';
import type { LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { ChartError } from './chart-error.ts';
import { CHART_COLORS } from './chart-theme.ts';
import { echartsSvg } from './echarts-svg.ts';
import { svgToPng } from './svg-to-png.ts';

export interface SparklineInput {
  /** Oldest first; non-finite values (missing days) are skipped, not drawn as zero. */
  readonly values: readonly number[];
  readonly width?: number;
  readonly height?: number;
  readonly color?: string;
}

/** A sparkline in pixels: no axes, no text, the last value marked. */
export interface SparklineSpec {
  readonly width: number;
  readonly height: number;
  readonly color: string;
  /** Inset that keeps the line and the end dot inside the image. */
  readonly paddingPx: number;
  readonly values: readonly number[];
  readonly min: number;
  readonly max: number;
}

export const SPARKLINE_SIZE = { width: 240, height: 48 } as const;

/** Pure: the values and the box they are drawn in. */
export function sparklineSpec(input: SparklineInput): SparklineSpec {
  const values = input.values.filter(Number.isFinite);
  const low = values.length > 0 ? Math.min(...values) : 0;
  const high = values.length > 0 ? Math.max(...values) : 1;
  // A flat series still needs a range; centre it rather than pin it to an edge.
  const half = high > low ? 0 : Math.max(Math.abs(high) * 0.01, 0.5);
  return {
    width: input.width ?? SPARKLINE_SIZE.width,
    height: input.height ?? SPARKLINE_SIZE.height,
    color: input.color ?? CHART_COLORS.today,
    paddingPx: 4,
    values,
    min: low - half,
    max: high + half,
  };
}

/** Where value `index` lands: what tests map the SVG's coordinates back through. */
export function sparklinePixel(spec: SparklineSpec, index: number, value: number): { x: number; y: number } {
  const innerWidth = spec.width - 2 * spec.paddingPx;
  const innerHeight = spec.height - 2 * spec.paddingPx;
  const steps = Math.max(spec.values.length - 1, 1);
  return {
    x: spec.paddingPx + (index / steps) * innerWidth,
    y: spec.paddingPx + ((spec.max - value) / (spec.max - spec.min)) * innerHeight,
  };
}

export function sparklineOption(spec: SparklineSpec): ComposeOption<LineSeriesOption | GridComponentOption> {
  return {
    animation: false,
    backgroundColor: CHART_COLORS.background,
    ...sparklineParts(spec, { left: 0, top: 0 }, 0),
  };
}

/**
 * One sparkline's grid, axes and line, placed with its top-left corner at `at`. A panel of several
 * (one per price in a brief) puts one of these per row into a single option; `index` ties each
 * line to its own axes.
 */
export function sparklineParts(
  spec: SparklineSpec,
  at: { readonly left: number; readonly top: number },
  index: number,
): {
  grid: GridComponentOption;
  xAxis: XAXisComponentOption;
  yAxis: YAXisComponentOption;
  series: LineSeriesOption;
} {
  const lastIndex = spec.values.length - 1;
  return {
    grid: {
      left: at.left + spec.paddingPx,
      top: at.top + spec.paddingPx,
      width: spec.width - 2 * spec.paddingPx,
      height: spec.height - 2 * spec.paddingPx,
      outerBoundsMode: 'none',
    },
    xAxis: { type: 'value', gridIndex: index, min: 0, max: Math.max(lastIndex, 1), show: false },
    yAxis: { type: 'value', gridIndex: index, min: spec.min, max: spec.max, show: false },
    series: {
      type: 'line',
      xAxisIndex: index,
      yAxisIndex: index,
      data: spec.values.map((value, i) => [i, value]),
      symbol: 'circle',
      symbolSize: (_value: unknown, params: { dataIndex: number }) =>
        params.dataIndex === lastIndex ? 6 : 0,
      showAllSymbol: true,
      clip: false,
      silent: true,
      lineStyle: { color: spec.color, width: 1.5 },
      itemStyle: { color: spec.color },
      emphasis: { disabled: true },
    },
  };
}

/** A price sparkline for briefs, as SVG and PNG. */
export async function renderSparkline(
  input: SparklineInput,
): Promise<{ svg: string; png: Uint8Array; width: number; height: number }> {
  const spec = sparklineSpec(input);
  try {
    const svg = await echartsSvg(sparklineOption(spec), spec.width, spec.height);
    return { svg, png: await svgToPng(svg), width: spec.width, height: spec.height };
  } catch (error) {
    if (error instanceof ChartError) throw error;
    throw new ChartError('RENDER_FAILED', 'Sparkline failed to render', { cause: error });
  }
}
