import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { niceScale } from '../../src/chart/nice-scale.ts';
import { CHART_FONT_FILES } from '../../src/chart/svg-to-png.ts';
import { pickTenorLabels } from '../../src/chart/tenor-labels.ts';
import { measureCssFont, textWidthPx } from '../../src/chart/text-width.ts';
import { tenorYears, UST_TENORS } from '../../src/domain/instruments.ts';
import { decodePng, inkIn } from './decode-png.ts';

describe('niceScale', () => {
  it('rounds the 2026-01-20 sell-off range out to half-percent gridlines', () => {
    expect(niceScale(0.863, 3.901)).toEqual({ min: 0.5, max: 4.5, interval: 0.5, decimals: 1 });
  });

  it('handles negative yields and quarter-point steps without floating-point noise', () => {
    const scale = niceScale(-0.3, 0.9);
    expect(scale.min).toBeLessThanOrEqual(-0.3);
    expect(scale.max).toBeGreaterThanOrEqual(0.9);
    const ticks = (scale.max - scale.min) / scale.interval;
    expect(Math.abs(ticks - Math.round(ticks))).toBeLessThan(1e-9);
    expect(ticks).toBeLessThanOrEqual(8);
    expect(String(scale.min + scale.interval)).not.toMatch(/0000000/);
  });

  it('gives a flat curve some height rather than dividing by zero', () => {
    const scale = niceScale(1.5, 1.5);
    expect(scale.max).toBeGreaterThan(scale.min);
    expect(scale.min).toBeLessThan(1.5);
    expect(scale.max).toBeGreaterThan(1.5);
  });
});

describe('pickTenorLabels', () => {
  it('never lets the crowded bills crowd out the 1Y, 2Y and longer tenors', () => {
    const ticks = UST_TENORS.map((tenor) => ({
      tenor,
      years: tenorYears(tenor),
      label: tenor.toUpperCase(),
    }));
    const picked = pickTenorLabels(ticks, (years) => 80 + years * 34, 13).map((t) => t.label);
    expect(picked).toEqual(expect.arrayContaining(['1Y', '2Y', '3Y', '5Y', '7Y', '10Y', '20Y', '30Y']));
    expect(picked.filter((label) => label.endsWith('M'))).toHaveLength(1);
  });
});

describe('text widths', () => {
  it('reads the weight and size from a CSS font string', () => {
    expect(measureCssFont('10Y', '13px DejaVu Sans').width).toBeCloseTo(textWidthPx('10Y', 13), 6);
    expect(measureCssFont('JGB', 'bold 22px "DejaVu Sans"').width).toBeCloseTo(
      textWidthPx('JGB', 22, true),
      6,
    );
    expect(textWidthPx('JGB', 22, true)).toBeGreaterThan(textWidthPx('JGB', 22));
  });

  it.each([
    ['2026-01-20', false],
    ['Source: Ministry of Finance Japan', false],
    ['JGB yield curve: 2026-01-20 vs 2025-12-19', true],
  ])('match what the shipped font draws for "%s"', (text, bold) => {
    const fontPx = 40;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1400" height="80"><rect width="1400" height="80" fill="#fff"/><text x="10" y="55" font-family="DejaVu Sans" font-size="${fontPx}" font-weight="${bold ? 'bold' : 'normal'}">${text}</text></svg>`;
    const png = decodePng(
      new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: [...CHART_FONT_FILES] } }).render().asPng(),
    );
    let right = 0;
    for (let x = 0; x < png.width; x += 1) if (inkIn(png, { x, y: 0, width: 1, height: 80 }) > 0) right = x;
    // Ink ends a little before the advance width (the last glyph's side bearing, and kerning pairs
    // such as "Ja" that the table ignores): the estimate may run wide, never narrow.
    const drawn = right + 1 - 10;
    const expected = textWidthPx(text, fontPx, bold);
    expect(drawn).toBeLessThanOrEqual(expected + 1);
    expect(drawn).toBeGreaterThan(expected - fontPx * 0.3);
  });
});
