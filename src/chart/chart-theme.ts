/**
 * Colours and type for every chart. Today's curve is a strong blue, the past one a dashed orange:
 * the pair stays distinct for the common colour-vision deficiencies and, thanks to the dash, in
 * greyscale print-outs too. Everything else is quiet grey so the two curves carry the picture.
 */
export const CHART_COLORS = {
  background: '#ffffff',
  title: '#111827',
  text: '#374151',
  muted: '#6b7280',
  axis: '#9ca3af',
  grid: '#e5e7eb',
  today: '#1d4ed8',
  past: '#ea580c',
} as const;

/** The one family the shipped font files provide; the rasteriser falls back to nothing else. */
export const CHART_FONT_FAMILY = 'DejaVu Sans';

/** Sizes at the reference width of 1,200 px; smaller charts scale them down, never below 75 %. */
export const CHART_TYPE_PX = {
  title: 22,
  subtitle: 14,
  legend: 14,
  axisLabel: 13,
  endLabel: 13,
  source: 12,
} as const;

/** A full-width chart for replies, and a compact one for briefs. 16:9, Slack's preview ratio. */
export const CHART_SIZES = {
  full: { width: 1_200, height: 675 },
  compact: { width: 640, height: 360 },
} as const;

export const CHART_REFERENCE_WIDTH_PX = 1_200;

/** Legend geometry, shared by the layout (which must know its width) and the ECharts option. */
export const LEGEND_PX = { itemWidth: 28, itemHeight: 14, iconTextGap: 5, itemGap: 24 } as const;
