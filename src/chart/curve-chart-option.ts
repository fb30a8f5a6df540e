import type { LineSeriesOption } from 'echarts/charts';
import type { GraphicComponentOption, GridComponentOption, LegendComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { CHART_COLORS, CHART_FONT_FAMILY, LEGEND_PX } from './chart-theme.ts';
import type { ChartSeries, ChartText, CurveChartSpec } from './curve-chart-spec.ts';

export type CurveChartOption = ComposeOption<
  LineSeriesOption | GridComponentOption | LegendComponentOption | GraphicComponentOption
>;

/**
 * The spec as an ECharts option. Every position and range is pinned (grid in pixels, axis min, max
 * and interval), so the picture is exactly the spec and tests can map pixels back to values.
 */
export function curveChartOption(spec: CurveChartSpec): CurveChartOption {
  const { plot, x, y } = spec;
  const labelOf = new Map(x.labels.map((tick) => [tick.years, tick.label]));
  const axisText = { color: CHART_COLORS.text, fontFamily: CHART_FONT_FAMILY };
  return {
    animation: false,
    backgroundColor: CHART_COLORS.background,
    textStyle: { fontFamily: CHART_FONT_FAMILY },
    grid: {
      left: plot.left,
      top: plot.top,
      width: plot.width,
      height: plot.height,
      // The plot box is the spec's, whatever the labels measure.
      outerBoundsMode: 'none',
    },
    xAxis: {
      type: 'value',
      min: x.min,
      max: x.max,
      axisLine: { lineStyle: { color: CHART_COLORS.axis } },
      // A tick at every published tenor shows where the points can be; labels only where they fit.
      axisTick: {
        customValues: x.ticks.map((tick) => tick.years),
        length: 5,
        lineStyle: { color: CHART_COLORS.axis },
      },
      axisLabel: {
        customValues: x.labels.map((tick) => tick.years),
        formatter: (value: number) => labelOf.get(value) ?? '',
        fontSize: x.labelFontPx,
        margin: 8,
        ...axisText,
      },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      min: y.min,
      max: y.max,
      interval: y.interval,
      axisLine: { show: false },
      axisTick: { show: false },
      axisLabel: {
        formatter: (value: number) => `${value.toFixed(y.decimals)}%`,
        fontSize: y.labelFontPx,
        margin: 10,
        ...axisText,
      },
      splitLine: { lineStyle: { color: CHART_COLORS.grid } },
    },
    legend: {
      top: spec.legend.top,
      [spec.legend.side]: spec.legend.offset,
      itemGap: LEGEND_PX.itemGap,
      itemWidth: LEGEND_PX.itemWidth,
      itemHeight: LEGEND_PX.itemHeight,
      padding: 0,
      // A solid marker: the marker's white ring would make today's line look dashed too.
      itemStyle: { borderWidth: 0 },
      // Today first, although it is drawn last.
      data: [...spec.series].reverse().map((s) => s.name),
      textStyle: { fontSize: spec.legend.fontPx, color: CHART_COLORS.text, fontFamily: CHART_FONT_FAMILY },
      selectedMode: false,
    },
    series: spec.series.map(lineSeries),
    graphic: [spec.title, spec.subtitle, spec.source, ...spec.endLabels].map(graphicText),
  };
}

function lineSeries(series: ChartSeries): LineSeriesOption {
  return {
    type: 'line',
    id: series.id,
    name: series.name,
    data: series.points.map((p) => [p.years, p.value]),
    symbol: 'circle',
    symbolSize: series.symbolSizePx,
    showAllSymbol: true,
    // Points at the axis ends (40Y) are drawn whole rather than cut at the plot edge.
    clip: false,
    silent: true,
    z: series.id === 'today' ? 3 : 2,
    lineStyle: { color: series.color, width: series.lineWidthPx, type: series.dashed ? 'dashed' : 'solid' },
    itemStyle: { color: series.color, borderColor: CHART_COLORS.background, borderWidth: 1 },
    emphasis: { disabled: true },
  };
}

/** A piece of text at its exact pixel, in the shipped font. */
export function graphicText(text: ChartText): GraphicComponentOption {
  return {
    type: 'text',
    x: text.x,
    y: text.y,
    silent: true,
    style: {
      text: text.text,
      fill: text.color,
      fontFamily: CHART_FONT_FAMILY,
      fontSize: text.fontPx,
      fontWeight: text.bold ? 'bold' : 'normal',
      align: text.align,
      verticalAlign: text.baseline,
    },
  };
}
