import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { encodePng } from '../../src/chart/png-encoder.ts';
import { renderSparkline } from '../../src/chart/render-sparkline.ts';
import { CHART_FONT_FILES } from '../../src/chart/svg-to-png.ts';
import { decodePng } from './decode-png.ts';

const GOLD = [2650.1, 2661.4, 2655.0, 2670.8, 2690.2, 2684.9, 2702.3, 2711.0, 2699.5, 2720.4];

describe('encodePng', () => {
  it('writes a PNG that a strict decoder reads back pixel for pixel', async () => {
    // 3×2: red, green, blue / white, black, a grey; each pixel opaque.
    const rgba = new Uint8Array([
      255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255, 0, 0, 0, 255, 128, 128, 128, 255,
    ]);
    const decoded = decodePng(await encodePng(rgba, 3, 2));
    expect({ width: decoded.width, height: decoded.height }).toEqual({ width: 3, height: 2 });
    expect([...decoded.rgba]).toEqual([...rgba]);
  });

  it('reads pixels from a view into a larger buffer at its own offset', async () => {
    const backing = new Uint8Array(4 + 8);
    backing.set([9, 9, 9, 9, 10, 20, 30, 255, 40, 50, 60, 255]);
    const decoded = decodePng(await encodePng(backing.subarray(4), 2, 1));
    expect([...decoded.rgba]).toEqual([10, 20, 30, 255, 40, 50, 60, 255]);
  });

  it('refuses pixels that do not match the size given', async () => {
    await expect(encodePng(new Uint8Array(12), 2, 2)).rejects.toThrow('12 bytes is not 2×2 RGBA pixels');
    await expect(encodePng(new Uint8Array(0), 0, 0)).rejects.toThrow('cannot encode a 0×0 image');
  });

  it('draws the same pixels as the rasteriser’s own encoder, at about the same size', async () => {
    const chart = await renderSparkline({ values: GOLD });
    const theirs = new Resvg(chart.svg, {
      font: { loadSystemFonts: false, fontFiles: [...CHART_FONT_FILES] },
      shapeRendering: 2,
      textRendering: 1,
    })
      .render()
      .asPng();
    const ours = decodePng(chart.png);
    const reference = decodePng(theirs);
    expect({ width: ours.width, height: ours.height }).toEqual({
      width: reference.width,
      height: reference.height,
    });
    expect(Buffer.from(ours.rgba).equals(Buffer.from(reference.rgba))).toBe(true);
    // Every pixel opaque: the premultiplied pixels handed over are then the straight colours.
    expect(ours.rgba.filter((_, i) => i % 4 === 3).every((alpha) => alpha === 255)).toBe(true);
    expect(chart.png.byteLength).toBeLessThan(theirs.byteLength * 1.5);
  });
});
