import { type Market, TENORS_BY_MARKET, tenorYears } from '../domain/instruments.ts';
import type { CurveRow, SourceRef } from '../domain/market-data.ts';
import {
  CHART_COLORS,
  CHART_REFERENCE_WIDTH_PX,
  CHART_SIZES,
  CHART_TYPE_PX,
  LEGEND_PX,
} from './chart-theme.ts';
import { altText, changeLine, keyChanges, MARKET_TITLE, YIELD_DECIMALS } from './curve-chart-words.ts';
import { type NiceScale, niceScale } from './nice-scale.ts';
import { pickTenorLabels, type TenorTick, tenorLabel } from './tenor-labels.ts';
import { textWidthPx } from './text-width.ts';

export interface CurveChartInput {
  readonly market: Market;
  readonly today: CurveRow;
  readonly past: CurveRow;
  readonly source: SourceRef;
  readonly width?: number;
  readonly height?: number;
}

export interface PlotBox {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export interface ChartPoint {
  readonly tenor: TenorTick['tenor'];
  /** Position on the proportional maturity axis: 3M is 0.25, 40Y is 40. */
  readonly years: number;
  /** Yield in percent. */
  readonly value: number;
}

export interface ChartSeries {
  readonly id: 'today' | 'past';
  /** The as-of date, which is what the legend shows. */
  readonly name: string;
  readonly color: string;
  readonly dashed: boolean;
  readonly lineWidthPx: number;
  readonly symbolSizePx: number;
  readonly points: readonly ChartPoint[];
}

/** A piece of text placed at an exact pixel, so tests know where to look for it. */
export interface ChartText {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly fontPx: number;
  readonly color: string;
  readonly bold: boolean;
  readonly align: 'left' | 'right';
  readonly baseline: 'top' | 'middle' | 'bottom';
}

export interface ChartLegend {
  readonly top: number;
  /** Beside the title it hangs from the right margin; on a narrow chart it gets its own row. */
  readonly side: 'left' | 'right';
  readonly offset: number;
  readonly width: number;
  readonly fontPx: number;
}

/** Everything the picture shows, in pixels and values, before any charting library sees it. */
export interface CurveChartSpec {
  readonly width: number;
  readonly height: number;
  readonly plot: PlotBox;
  readonly x: {
    readonly min: number;
    readonly max: number;
    readonly ticks: readonly TenorTick[];
    readonly labels: readonly TenorTick[];
    readonly labelFontPx: number;
  };
  readonly y: NiceScale & { readonly labelFontPx: number };
  /** In drawing order: the past curve first, so today's points sit on top where they meet. */
  readonly series: readonly [ChartSeries, ChartSeries];
  readonly legend: ChartLegend;
  readonly title: ChartText;
  readonly subtitle: ChartText;
  readonly source: ChartText;
  /** Each curve's value at its longest tenor, just right of the plot. */
  readonly endLabels: readonly ChartText[];
  /** What the image says, in words, for screen readers and text-only clients. */
  readonly alt: string;
}

const MIN_FONT_SCALE = 0.75;

/** The chart of `today`'s curve against `past`'s, as pixels and values. Pure: no library involved. */
export function curveChartSpec(input: CurveChartInput): CurveChartSpec {
  const { market } = input;
  const width = input.width ?? CHART_SIZES.full.width;
  const height = input.height ?? CHART_SIZES.full.height;
  const sx = width / CHART_REFERENCE_WIDTH_PX;
  const sy = height / ((CHART_REFERENCE_WIDTH_PX * 9) / 16);
  const font = (px: number) => round1(px * Math.max(MIN_FONT_SCALE, Math.min(sx, sy)));
  const weight = Math.max(sx, MIN_FONT_SCALE);
  const fonts = {
    title: font(CHART_TYPE_PX.title),
    subtitle: font(CHART_TYPE_PX.subtitle),
    legend: font(CHART_TYPE_PX.legend),
    axis: font(CHART_TYPE_PX.axisLabel),
    end: font(CHART_TYPE_PX.endLabel),
    source: font(CHART_TYPE_PX.source),
  };
  const margin = Math.round(40 * sx);
  const series: [ChartSeries, ChartSeries] = [
    {
      id: 'past',
      name: input.past.date,
      color: CHART_COLORS.past,
      dashed: true,
      lineWidthPx: round1(2 * weight),
      symbolSizePx: round1(6 * weight),
      points: pointsOf(market, input.past),
    },
    {
      id: 'today',
      name: input.today.date,
      color: CHART_COLORS.today,
      dashed: false,
      lineWidthPx: round1(2.5 * weight),
      symbolSizePx: round1(8 * weight),
      points: pointsOf(market, input.today),
    },
  ];

  // Header: title, then the change line; the legend beside the title if it fits, else on a row below.
  const titleText = `${MARKET_TITLE[market]} yield curve: ${input.today.date} vs ${input.past.date}`;
  const titleTop = Math.round(22 * sy);
  const subtitleTop = titleTop + fonts.title + Math.round(8 * sy);
  const legendWidth = series.reduce(
    (sum, s) => sum + LEGEND_PX.itemWidth + LEGEND_PX.iconTextGap + textWidthPx(s.name, fonts.legend),
    LEGEND_PX.itemGap * (series.length - 1),
  );
  const besideTitle = margin + textWidthPx(titleText, fonts.title, true) + 32 + legendWidth <= width - margin;
  const legend: Omit<ChartLegend, 'width' | 'fontPx'> = besideTitle
    ? { top: titleTop + Math.round((fonts.title - LEGEND_PX.itemHeight) / 2), side: 'right', offset: margin }
    : { top: subtitleTop + fonts.subtitle + Math.round(10 * sy), side: 'left', offset: margin };
  const headerBottom = besideTitle ? subtitleTop + fonts.subtitle : legend.top + LEGEND_PX.itemHeight;

  const values = series.flatMap((s) => s.points.map((p) => p.value));
  const y = niceScale(
    values.length > 0 ? Math.min(...values) : 0,
    values.length > 0 ? Math.max(...values) : 1,
  );
  const yLabelWidth = Math.max(
    ...[y.min, y.max].map((v) => textWidthPx(`${v.toFixed(y.decimals)}%`, fonts.axis)),
  );
  const endLabelWidth = textWidthPx(`${(y.max >= 10 ? 10 : 1).toFixed(YIELD_DECIMALS[market])}%`, fonts.end);
  const sourceBottom = height - Math.round(14 * sy);
  const plotTop = Math.round(headerBottom + 28 * sy);
  const plotBottom = Math.round(sourceBottom - fonts.source - 16 * sy - fonts.axis - 12);
  const plotLeft = Math.round(margin + yLabelWidth + 10);
  const plotRight = Math.round(width - margin - endLabelWidth - 10);
  const plot: PlotBox = {
    left: plotLeft,
    top: plotTop,
    width: plotRight - plotLeft,
    height: plotBottom - plotTop,
  };

  const ticks = TENORS_BY_MARKET[market].map((tenor) => ({
    tenor,
    years: tenorYears(tenor),
    label: tenorLabel(tenor),
  }));
  const x = { min: 0, max: Math.max(...ticks.map((t) => t.years)) };
  const spec = { plot, x, y };
  const text = (
    t: Pick<ChartText, 'text' | 'x' | 'y' | 'fontPx' | 'color'> & Partial<ChartText>,
  ): ChartText => ({
    bold: false,
    align: 'left',
    baseline: 'top',
    ...t,
  });
  const changes = keyChanges(market, input.today, input.past);
  return {
    width,
    height,
    plot,
    x: {
      ...x,
      ticks,
      labels: pickTenorLabels(ticks, (years) => toPixel(spec, years, 0).x, fonts.axis),
      labelFontPx: fonts.axis,
    },
    y: { ...y, labelFontPx: fonts.axis },
    series,
    legend: { ...legend, width: round1(legendWidth), fontPx: fonts.legend },
    title: text({
      text: titleText,
      x: margin,
      y: titleTop,
      fontPx: fonts.title,
      color: CHART_COLORS.title,
      bold: true,
    }),
    subtitle: text({
      text:
        changeLine(market, changes, fonts.subtitle, width - 2 * margin) || 'Yield in %, maturity in years',
      x: margin,
      y: subtitleTop,
      fontPx: fonts.subtitle,
      color: CHART_COLORS.text,
    }),
    source: text({
      text: `Source: ${input.source.name}`,
      x: margin,
      y: sourceBottom,
      fontPx: fonts.source,
      color: CHART_COLORS.muted,
      baseline: 'bottom',
    }),
    endLabels: endLabels(
      series,
      YIELD_DECIMALS[market],
      (p) => toPixel(spec, p.years, p.value),
      fonts.end,
    ).map((label) => text({ ...label, baseline: 'middle' })),
    alt: altText(market, input.today, input.past, input.source, changes),
  };
}

/** Where a value lands on the rendered chart: what tests map the SVG's coordinates back through. */
export function toPixel(
  spec: Pick<CurveChartSpec, 'plot'> & {
    readonly x: { readonly min: number; readonly max: number };
    readonly y: { readonly min: number; readonly max: number };
  },
  years: number,
  value: number,
): { x: number; y: number } {
  return {
    x: spec.plot.left + ((years - spec.x.min) / (spec.x.max - spec.x.min)) * spec.plot.width,
    y: spec.plot.top + ((spec.y.max - value) / (spec.y.max - spec.y.min)) * spec.plot.height,
  };
}

/** "curve-jp-2026-01-20-vs-2025-12-19.png": unique per comparison, safe on every platform. */
export function curveChartFileName(market: Market, today: CurveRow, past: CurveRow): string {
  return `curve-${market}-${today.date}-vs-${past.date}.png`;
}

function pointsOf(market: Market, row: CurveRow): ChartPoint[] {
  const points: ChartPoint[] = [];
  for (const tenor of TENORS_BY_MARKET[market]) {
    const value = row.yields[tenor];
    if (value !== undefined && Number.isFinite(value))
      points.push({ tenor, years: tenorYears(tenor), value });
  }
  return points;
}

/** Labels that would overlap (curves ending close together) are pushed apart around their midpoint. */
function endLabels(
  series: readonly ChartSeries[],
  decimals: number,
  pixelOf: (point: ChartPoint) => { x: number; y: number },
  fontPx: number,
): Pick<ChartText, 'text' | 'x' | 'y' | 'fontPx' | 'color'>[] {
  const labels = series.flatMap((s) => {
    const last = s.points.at(-1);
    if (!last) return [];
    const at = pixelOf(last);
    return [{ text: `${last.value.toFixed(decimals)}%`, x: at.x + 10, y: at.y, fontPx, color: s.color }];
  });
  const [a, b] = labels;
  const minGap = fontPx * 1.3;
  if (a && b && Math.abs(a.x - b.x) < 1 && Math.abs(a.y - b.y) < minGap) {
    const mid = (a.y + b.y) / 2;
    const [upper, lower] = a.y <= b.y ? [a, b] : [b, a];
    upper.y = mid - minGap / 2;
    lower.y = mid + minGap / 2;
  }
  return labels.map((label) => ({ ...label, x: round1(label.x), y: round1(label.y) }));
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
