import { Resvg } from '@resvg/resvg-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { ChartError } from '../../src/chart/chart-error.ts';
import { CHART_COLORS } from '../../src/chart/chart-theme.ts';
import type { ChartText } from '../../src/chart/curve-chart-spec.ts';
import {
  createCachedSparklinePanelRenderer,
  type RenderedSparklinePanel,
  renderSparklinePanel,
  SPARKLINE_PANEL_PX,
  type SparklinePanelInput,
  sparklinePanelPixel,
  sparklinePanelSpec,
} from '../../src/chart/render-sparkline-panel.ts';
import { textWidthPx } from '../../src/chart/text-width.ts';
import { type DecodedPng, decodePng, inkIn, pixelAt } from './decode-png.ts';
import { drawnPoints, polylines, svgTexts } from './read-chart-svg.ts';

// Gold closes over two weeks (USD/oz), and Bitcoin's over a stale week ending earlier.
const GOLD = [2650.1, 2661.4, 2655.0, 2670.8, 2690.2, 2684.9, 2702.3, 2711.0, 2699.5, 2720.4];
const BTC = [81_020, 80_115.5, 79_870, 80_402.25, 79_001, 78_494];
const INPUT: SparklinePanelInput = {
  title: 'Daily closes over 30 days',
  source: 'Source: Yahoo Finance, Kraken, as recorded by briefbot',
  rows: [
    { label: 'Gold', note: 'to 2026-04-30', values: GOLD, last: '2,720.40', change: '+2.65%' },
    { label: 'XRP', note: 'to 2026-04-30', values: [2.1], last: '2.1000', change: '–' },
    { label: 'Bitcoin', note: 'to 2026-04-24', values: BTC, last: '78,494', change: '-3.12%' },
  ],
};

function textBox(t: ChartText) {
  const width = textWidthPx(t.text, t.fontPx, t.bold);
  const x = t.align === 'right' ? t.x - width : t.x;
  const y = t.baseline === 'top' ? t.y : t.baseline === 'bottom' ? t.y - t.fontPx : t.y - t.fontPx / 2;
  return { name: t.text, x, y, width, height: t.fontPx };
}

describe('the price sparkline panel', () => {
  let panel: RenderedSparklinePanel;
  let png: DecodedPng;
  const spec = sparklinePanelSpec(INPUT);
  beforeAll(async () => {
    panel = await renderSparklinePanel(INPUT);
    png = decodePng(panel.png);
  });

  it('is a PNG as wide as the compact curve chart, one 40 px row per price that has a line', () => {
    // XRP has a single value: no line, so no row.
    const height = SPARKLINE_PANEL_PX.top + 2 * SPARKLINE_PANEL_PX.row + SPARKLINE_PANEL_PX.bottom;
    expect({ width: png.width, height: png.height }).toEqual({ width: 640, height });
    expect({ width: panel.width, height: panel.height }).toEqual({ width: 640, height });
    expect(pixelAt(png, 2, 2)).toEqual([255, 255, 255, 255]);
    expect(svgTexts(panel.svg)).toEqual(
      expect.arrayContaining([
        'Daily closes over 30 days',
        'Gold',
        'to 2026-04-30',
        '2,720.40',
        '+2.65%',
        'Bitcoin',
        'to 2026-04-24',
        '78,494',
        '-3.12%',
        'Source: Yahoo Finance, Kraken, as recorded by briefbot',
      ]),
    );
    expect(svgTexts(panel.svg)).not.toContain('XRP');
  });

  it('draws every word with the shipped font: each text region has ink, and none without fonts', () => {
    const withoutFonts = decodePng(
      new Resvg(panel.svg, { font: { loadSystemFonts: false } }).render().asPng(),
    );
    const texts = [spec.title, spec.source, ...spec.rows.flatMap((r) => [r.label, r.last, r.change])];
    for (const region of texts.map(textBox)) {
      expect(inkIn(png, region), region.name).toBeGreaterThan(region.width * 0.5);
      expect(inkIn(withoutFonts, region), region.name).toBe(0);
    }
  });

  it('puts every value where it says, each row on its own scale, the last marked with a dot', () => {
    const lines = polylines(panel.svg, CHART_COLORS.today);
    expect(lines.map((line) => line.length)).toEqual([GOLD.length, BTC.length]);
    for (const [row, values] of [GOLD, BTC].entries()) {
      for (const [i, vertex] of (lines[row] ?? []).entries()) {
        const at = sparklinePanelPixel(spec, row, i, values[i] ?? 0);
        expect(Math.abs(vertex.x - at.x)).toBeLessThan(0.1);
        expect(Math.abs(vertex.y - at.y)).toBeLessThan(0.1);
      }
      // Each row's line stays inside its own 40 px band.
      const top = SPARKLINE_PANEL_PX.top + row * SPARKLINE_PANEL_PX.row;
      for (const vertex of lines[row] ?? []) {
        expect(vertex.y).toBeGreaterThanOrEqual(top);
        expect(vertex.y).toBeLessThanOrEqual(top + SPARKLINE_PANEL_PX.row);
      }
    }
    const dots = drawnPoints(panel.svg);
    expect(dots.map((d) => [d.series, d.index])).toEqual(
      expect.arrayContaining([
        [0, GOLD.length - 1],
        [1, BTC.length - 1],
      ]),
    );
    const end = sparklinePanelPixel(spec, 1, BTC.length - 1, 78_494);
    expect(pixelAt(png, end.x, end.y)).not.toEqual([255, 255, 255, 255]);
  });

  it('cuts a name too long for its column rather than letting it run into the line', () => {
    const long = sparklinePanelSpec({
      ...INPUT,
      rows: [{ label: 'A very long instrument name indeed', values: GOLD, last: '1', change: '+0%' }],
    });
    const label = long.rows[0]?.label;
    expect(label?.text.endsWith('…')).toBe(true);
    expect(textWidthPx(label?.text ?? '', label?.fontPx ?? 0)).toBeLessThanOrEqual(
      SPARKLINE_PANEL_PX.labelWidth,
    );
  });

  it('refuses to draw a panel with no line in it', async () => {
    await expect(renderSparklinePanel({ ...INPUT, rows: INPUT.rows.slice(1, 2) })).rejects.toThrow(
      ChartError,
    );
  });

  it('draws the same panel once, however often it is asked for', async () => {
    let calls = 0;
    const cached = createCachedSparklinePanelRenderer(4, async (input) => {
      calls += 1;
      return { svg: '', png: new Uint8Array([input.rows.length]), width: 1, height: 1 };
    });
    await Promise.all([cached(INPUT), cached(INPUT), cached({ ...INPUT, rows: [...INPUT.rows] })]);
    expect(calls).toBe(1);
    await cached({ ...INPUT, title: 'Daily closes over 7 days' });
    expect(calls).toBe(2);
  });
});
