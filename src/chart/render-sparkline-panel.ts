import type { LineSeriesOption } from 'echarts/charts';
import type { GraphicComponentOption, GridComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { cachedRenderer } from './cached-renderer.ts';
import { ChartError } from './chart-error.ts';
import { CHART_COLORS } from './chart-theme.ts';
import { graphicText } from './curve-chart-option.ts';
import type { ChartText } from './curve-chart-spec.ts';
import { echartsSvg } from './echarts-svg.ts';
import { type SparklineSpec, sparklineParts, sparklinePixel, sparklineSpec } from './render-sparkline.ts';
import { svgToPng } from './svg-to-png.ts';
import { textWidthPx } from './text-width.ts';

/** One price: its name, its values oldest first, and the figures printed beside the line. */
export interface SparklinePanelRow {
  readonly label: string;
  /** A short line under the label: the date of the last value, since prices go stale one by one. */
  readonly note?: string;
  readonly values: readonly number[];
  /** Preformatted by the caller, who knows the asset's decimals: "4,601.20", "+1.97%". */
  readonly last: string;
  readonly change: string;
}

export interface SparklinePanelInput {
  /** What the lines are and the window they span ("Daily closes over 30 days"). */
  readonly title: string;
  /** Where the values come from, printed under the rows. */
  readonly source: string;
  readonly rows: readonly SparklinePanelRow[];
  readonly width?: number;
}

export interface SparklinePanelRowSpec {
  readonly label: ChartText;
  readonly note?: ChartText;
  readonly last: ChartText;
  readonly change: ChartText;
  /** The sparkline's box: its top-left corner in the panel; its size is the spark's. */
  readonly box: { readonly left: number; readonly top: number };
  readonly spark: SparklineSpec;
}

/** Everything the panel shows, in pixels, before ECharts sees it. */
export interface SparklinePanelSpec {
  readonly width: number;
  readonly height: number;
  readonly title: ChartText;
  readonly source: ChartText;
  readonly rows: readonly SparklinePanelRowSpec[];
}

/**
 * Geometry at the default width: as wide as the compact curve chart, so a brief's two pictures
 * line up, and one 40 px row per price, so five prices make a strip rather than a poster.
 */
export const SPARKLINE_PANEL_PX = {
  width: 640,
  margin: 16,
  titleFont: 15,
  top: 44,
  row: 40,
  spark: 32,
  labelWidth: 120,
  lastWidth: 96,
  changeWidth: 72,
  gap: 12,
  font: 14,
  noteFont: 11,
  sourceFont: 11,
  bottom: 34,
} as const;

/** More rows than any template has prices; a guard against a panel taller than a phone screen. */
const MAX_ROWS = 12;

/** Pure: the panel's layout. Rows with fewer than two values have no line to draw and are left out. */
export function sparklinePanelSpec(input: SparklinePanelInput): SparklinePanelSpec {
  const px = SPARKLINE_PANEL_PX;
  const width = input.width ?? px.width;
  const rows = input.rows.filter((row) => row.values.filter(Number.isFinite).length >= 2).slice(0, MAX_ROWS);
  const height = px.top + rows.length * px.row + px.bottom;
  const right = width - px.margin;
  const lastRight = right - px.changeWidth - px.gap;
  const sparkLeft = px.margin + px.labelWidth + px.gap;
  const sparkWidth = Math.max(lastRight - px.lastWidth - px.gap - sparkLeft, 40);
  const text = (over: Partial<ChartText> & Pick<ChartText, 'text' | 'x' | 'y'>): ChartText => ({
    fontPx: px.font,
    color: CHART_COLORS.text,
    bold: false,
    align: 'left',
    baseline: 'middle',
    ...over,
  });
  return {
    width,
    height,
    title: text({
      text: fitWidth(input.title, px.titleFont, width - 2 * px.margin, true),
      x: px.margin,
      y: 14,
      fontPx: px.titleFont,
      color: CHART_COLORS.title,
      bold: true,
      baseline: 'top',
    }),
    source: text({
      text: fitWidth(input.source, px.sourceFont, width - 2 * px.margin, false),
      x: px.margin,
      y: height - 10,
      fontPx: px.sourceFont,
      color: CHART_COLORS.muted,
      baseline: 'bottom',
    }),
    rows: rows.map((row, i) => {
      const top = px.top + i * px.row;
      const middle = top + px.row / 2;
      // With a note, the label moves up and the note sits under it, both within the row.
      const labelY = row.note === undefined ? middle : middle - 7;
      return {
        label: text({ text: fitWidth(row.label, px.font, px.labelWidth, false), x: px.margin, y: labelY }),
        ...(row.note === undefined
          ? {}
          : {
              note: text({
                text: fitWidth(row.note, px.noteFont, px.labelWidth, false),
                x: px.margin,
                y: middle + 9,
                fontPx: px.noteFont,
                color: CHART_COLORS.muted,
              }),
            }),
        last: text({
          text: fitWidth(row.last, px.font, px.lastWidth, true),
          x: lastRight,
          y: middle,
          color: CHART_COLORS.title,
          bold: true,
          align: 'right',
        }),
        change: text({
          text: fitWidth(row.change, px.font, px.changeWidth, false),
          x: right,
          y: middle,
          align: 'right',
        }),
        box: { left: sparkLeft, top: top + (px.row - px.spark) / 2 },
        spark: sparklineSpec({ values: row.values, width: sparkWidth, height: px.spark }),
      };
    }),
  };
}

/** Where value `index` of row `row` lands in the panel: what tests map the SVG back through. */
export function sparklinePanelPixel(
  spec: SparklinePanelSpec,
  row: number,
  index: number,
  value: number,
): { x: number; y: number } {
  const at = spec.rows[row];
  if (!at) throw new RangeError(`no row ${row}`);
  const inBox = sparklinePixel(at.spark, index, value);
  return { x: at.box.left + inBox.x, y: at.box.top + inBox.y };
}

export function sparklinePanelOption(
  spec: SparklinePanelSpec,
): ComposeOption<LineSeriesOption | GridComponentOption | GraphicComponentOption> {
  const parts = spec.rows.map((row, i) => sparklineParts(row.spark, row.box, i));
  return {
    animation: false,
    backgroundColor: CHART_COLORS.background,
    grid: parts.map((p) => p.grid),
    xAxis: parts.map((p) => p.xAxis),
    yAxis: parts.map((p) => p.yAxis),
    series: parts.map((p) => p.series),
    graphic: [
      spec.title,
      spec.source,
      ...spec.rows.flatMap((r) => [r.label, ...(r.note ? [r.note] : []), r.last, r.change]),
    ].map(graphicText),
  };
}

export interface RenderedSparklinePanel {
  readonly svg: string;
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
}

export type SparklinePanelRenderer = (input: SparklinePanelInput) => Promise<RenderedSparklinePanel>;

/** Every price of a brief as one image: one upload and one attachment, however many prices. */
export async function renderSparklinePanel(input: SparklinePanelInput): Promise<RenderedSparklinePanel> {
  const spec = sparklinePanelSpec(input);
  if (spec.rows.length === 0) throw new ChartError('RENDER_FAILED', 'No price has two values to draw');
  try {
    const svg = await echartsSvg(sparklinePanelOption(spec), spec.width, spec.height);
    return { svg, png: await svgToPng(svg), width: spec.width, height: spec.height };
  } catch (error) {
    if (error instanceof ChartError) throw error;
    throw new ChartError('RENDER_FAILED', 'Sparkline panel failed to render', { cause: error });
  }
}

/**
 * A renderer that remembers its last `maxEntries` panels: every channel's brief at one fire, and
 * every `/brief` between two refreshes, shows the same values.
 */
export function createCachedSparklinePanelRenderer(
  maxEntries = 16,
  render: SparklinePanelRenderer = renderSparklinePanel,
): SparklinePanelRenderer {
  return cachedRenderer(maxEntries, (input) => JSON.stringify(input), render);
}

/** The text, cut with an ellipsis until it fits `maxWidthPx`: a long name must not run into the line. */
function fitWidth(text: string, fontPx: number, maxWidthPx: number, bold: boolean): string {
  if (textWidthPx(text, fontPx, bold) <= maxWidthPx) return text;
  const chars = [...text];
  while (chars.length > 1 && textWidthPx(`${chars.join('')}…`, fontPx, bold) > maxWidthPx) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}
