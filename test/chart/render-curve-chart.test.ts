import { Resvg } from '@resvg/resvg-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHART_COLORS, CHART_SIZES, LEGEND_PX } from '../../src/chart/chart-theme.ts';
import { type CurveChartSpec, curveChartSpec, toPixel } from '../../src/chart/curve-chart-spec.ts';
import { type RenderedChart, renderCurveChart } from '../../src/chart/render-curve-chart.ts';
import { textWidthPx } from '../../src/chart/text-width.ts';
import { type DecodedPng, decodePng, inkIn, pixelAt } from './decode-png.ts';
import { MOF_SOURCE, mofRow } from './mof-rows.ts';
import { drawnPoints, polylines, svgTexts } from './read-chart-svg.ts';

// The super-long sell-off of 2026-01-20 against a month earlier: every point well apart.
const SELL_OFF = {
  market: 'jp',
  today: mofRow('2026-01-20'),
  past: mofRow('2025-12-19'),
  source: MOF_SOURCE,
} as const;

interface Box {
  readonly name: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Where each kind of text sits, from the spec; each box holds text and nothing else. */
function textRegions(spec: CurveChartSpec): Box[] {
  const { plot } = spec;
  const line = (name: string, t: CurveChartSpec['title']): Box => ({
    name,
    x: t.x,
    y: t.baseline === 'bottom' ? t.y - t.fontPx : t.y,
    width: textWidthPx(t.text, t.fontPx, t.bold),
    height: t.fontPx,
  });
  const legendLeft =
    spec.legend.side === 'right' ? spec.width - spec.legend.offset - spec.legend.width : spec.legend.offset;
  let cursor = legendLeft;
  const legendTexts = [...spec.series].reverse().map((s) => {
    const textWidth = textWidthPx(s.name, spec.legend.fontPx);
    const box = {
      name: `legend ${s.name}`,
      x: cursor + LEGEND_PX.itemWidth + LEGEND_PX.iconTextGap,
      y: spec.legend.top,
      width: textWidth,
      height: LEGEND_PX.itemHeight,
    };
    cursor += LEGEND_PX.itemWidth + LEGEND_PX.iconTextGap + textWidth + LEGEND_PX.itemGap;
    return box;
  });
  return [
    line('title', spec.title),
    line('subtitle', spec.subtitle),
    line('source', spec.source),
    ...legendTexts,
    // Left of the plot: only the yield labels (the y axis line is hidden).
    { name: 'y-axis labels', x: 0, y: plot.top - 10, width: plot.left - 4, height: plot.height + 20 },
    // Below the tick marks (5 px): only the tenor labels.
    {
      name: 'x-axis labels',
      x: plot.left - 20,
      y: plot.top + plot.height + 7,
      width: plot.width + 40,
      height: 16,
    },
  ];
}

function noFontPng(svg: string): DecodedPng {
  return decodePng(new Resvg(svg, { font: { loadSystemFonts: false } }).render().asPng());
}

function distance(a: readonly number[], b: readonly number[]): number {
  return Math.hypot(...a.slice(0, 3).map((v, i) => v - (b[i] ?? 0)));
}

function rgb(hex: string): number[] {
  return [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
}

describe.each([
  ['full', CHART_SIZES.full],
  ['compact', CHART_SIZES.compact],
])('the %s curve chart of 2026-01-20 against 2025-12-19', (_name, size) => {
  let chart: RenderedChart;
  let png: DecodedPng;
  const spec = curveChartSpec({ ...SELL_OFF, ...size });
  beforeAll(async () => {
    chart = await renderCurveChart({ ...SELL_OFF, ...size });
    png = decodePng(chart.png);
  });

  it(`is a valid PNG of ${size.width}×${size.height} on an opaque white background`, () => {
    expect({ width: png.width, height: png.height }).toEqual(size);
    expect({ width: chart.width, height: chart.height }).toEqual(size);
    expect(pixelAt(png, 2, 2)).toEqual([255, 255, 255, 255]);
    expect(pixelAt(png, size.width - 2, size.height - 2)).toEqual([255, 255, 255, 255]);
  });

  it('has text in the title, legend, axis-label and source regions, drawn with the shipped font only', () => {
    const withoutFonts = noFontPng(chart.svg);
    for (const region of textRegions(spec)) {
      // The production render loads no system font, so this ink comes from assets/fonts.
      expect(inkIn(png, region), region.name).toBeGreaterThan(region.width * 0.5);
      // The same SVG with no font at all leaves each region blank: the ink is text, not lines.
      expect(inkIn(withoutFonts, region), region.name).toBe(0);
    }
  });

  it('says what it shows: dates in the legend, tenor names on the axis, the source', () => {
    const texts = svgTexts(chart.svg);
    expect(texts).toEqual(expect.arrayContaining(['2026-01-20', '2025-12-19', '10Y', '40Y']));
    expect(texts).toContain('JGB yield curve: 2026-01-20 vs 2025-12-19');
    expect(texts).toContain('Source: Ministry of Finance Japan');
    expect(texts).toContain('3.901%');
  });

  it('places every data point where its tenor and yield say, read back from the SVG', () => {
    const drawn = drawnPoints(chart.svg);
    expect(drawn).toHaveLength(30);
    for (const point of drawn) {
      const series = spec.series[point.series];
      const expected = series?.points[point.index];
      if (!series || !expected) throw new Error(`unexpected point ${point.series}/${point.index}`);
      expect(point.fill).toBe(series.color);
      // Inverse of the axis scale: pixels back to years and percent.
      const years = spec.x.min + ((point.x - spec.plot.left) / spec.plot.width) * (spec.x.max - spec.x.min);
      const value = spec.y.max - ((point.y - spec.plot.top) / spec.plot.height) * (spec.y.max - spec.y.min);
      expect(years).toBeCloseTo(expected.years, 2);
      expect(Math.abs(value - expected.value)).toBeLessThan(0.001);
    }
  });

  it('joins the points of each curve with one line through them in maturity order', () => {
    for (const series of spec.series) {
      const [line, ...others] = polylines(chart.svg, series.color);
      expect(others).toEqual([]);
      expect(line).toHaveLength(series.points.length);
      for (const [i, vertex] of (line ?? []).entries()) {
        const point = series.points[i];
        if (!point) throw new Error('more vertices than points');
        const at = toPixel(spec, point.years, point.value);
        expect(Math.abs(vertex.x - at.x)).toBeLessThan(0.1);
        expect(Math.abs(vertex.y - at.y)).toBeLessThan(0.1);
      }
    }
  });

  it("shows today's points in today's colour and the past's in the past's, sampled from the PNG", () => {
    const [past, today] = spec.series;
    for (const point of today.points) {
      const at = toPixel(spec, point.years, point.value);
      expect(distance(pixelAt(png, at.x, at.y), rgb(CHART_COLORS.today)), point.tenor).toBeLessThan(40);
    }
    const todayPixels = today.points.map((p) => toPixel(spec, p.years, p.value));
    for (const point of past.points) {
      const at = toPixel(spec, point.years, point.value);
      if (todayPixels.some((t) => Math.hypot(t.x - at.x, t.y - at.y) < 12)) continue;
      expect(distance(pixelAt(png, at.x, at.y), rgb(CHART_COLORS.past)), point.tenor).toBeLessThan(40);
    }
    // And nothing is drawn where no value is: the middle of the empty band above the curves.
    const empty = toPixel(spec, 5, 4.25);
    expect(pixelAt(png, empty.x, empty.y)).toEqual([255, 255, 255, 255]);
  });
});

describe('decodePng', () => {
  it('rejects a PNG with a corrupted byte', async () => {
    const { png } = await renderCurveChart(SELL_OFF);
    const broken = new Uint8Array(png);
    broken[40] = (broken[40] ?? 0) ^ 0xff;
    expect(() => decodePng(broken)).toThrow(/CRC|PNG/);
  });
});
