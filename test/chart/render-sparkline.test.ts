import { describe, expect, it } from 'vitest';
import { renderSparkline, sparklinePixel, sparklineSpec } from '../../src/chart/render-sparkline.ts';
import { decodePng, pixelAt } from './decode-png.ts';
import { drawnPoints, polylines } from './read-chart-svg.ts';

// Gold closes over two weeks, USD/oz.
const GOLD = [2650.1, 2661.4, 2655.0, 2670.8, 2690.2, 2684.9, 2702.3, 2711.0, 2699.5, 2720.4];

describe('renderSparkline', () => {
  it('draws a 240×48 PNG with the line through every value and a dot on the last', async () => {
    const chart = await renderSparkline({ values: GOLD });
    const png = decodePng(chart.png);
    expect({ width: png.width, height: png.height }).toEqual({ width: 240, height: 48 });
    const spec = sparklineSpec({ values: GOLD });
    const [line] = polylines(chart.svg, spec.color);
    expect(line).toHaveLength(GOLD.length);
    for (const [i, vertex] of (line ?? []).entries()) {
      const at = sparklinePixel(spec, i, GOLD[i] ?? 0);
      expect(Math.abs(vertex.x - at.x)).toBeLessThan(0.1);
      expect(Math.abs(vertex.y - at.y)).toBeLessThan(0.1);
    }
    const last = drawnPoints(chart.svg).filter((p) => p.index === GOLD.length - 1);
    expect(last).toHaveLength(1);
    const end = sparklinePixel(spec, GOLD.length - 1, 2720.4);
    expect(pixelAt(png, end.x, end.y)).not.toEqual([255, 255, 255, 255]);
    // The highest close touches the top of the inner box, the lowest the bottom.
    expect(end.y).toBeCloseTo(spec.paddingPx, 6);
    expect(sparklinePixel(spec, 0, 2650.1).y).toBeCloseTo(48 - spec.paddingPx, 6);
  });

  it('skips missing values and keeps a flat series inside the image', () => {
    const flat = sparklineSpec({ values: [1.5, Number.NaN, 1.5, 1.5] });
    expect(flat.values).toEqual([1.5, 1.5, 1.5]);
    expect(flat.max).toBeGreaterThan(flat.min);
    expect(sparklinePixel(flat, 1, 1.5).y).toBeCloseTo(24, 6);
  });
});
