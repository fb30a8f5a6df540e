import { describe, expect, it } from 'vitest';
import { CHART_SIZES } from '../../src/chart/chart-theme.ts';
import {
  type CurveChartSpec,
  curveChartFileName,
  curveChartSpec,
  toPixel,
} from '../../src/chart/curve-chart-spec.ts';
import { textWidthPx } from '../../src/chart/text-width.ts';
import { JGB_TENORS, UST_TENORS } from '../../src/domain/instruments.ts';
import type { CurveRow } from '../../src/domain/market-data.ts';
import { MOF_SOURCE, mofRow } from './mof-rows.ts';

const SELL_OFF = {
  market: 'jp',
  today: mofRow('2026-01-20'),
  past: mofRow('2025-12-19'),
  source: MOF_SOURCE,
} as const;

const US_TODAY: CurveRow = {
  date: '2025-09-25',
  yields: {
    '1m': 4.24,
    '1.5m': 4.2,
    '2m': 4.18,
    '3m': 4.04,
    '4m': 4.01,
    '6m': 3.85,
    '1y': 3.68,
    '2y': 3.64,
    '3y': 3.66,
    '5y': 3.75,
    '7y': 3.94,
    '10y': 4.18,
    '20y': 4.73,
    '30y': 4.75,
  },
};
const US_PAST: CurveRow = { date: '2025-08-26', yields: { ...US_TODAY.yields, '10y': 4.26, '30y': 4.9 } };

/** Every piece of text the spec places, with its box. */
function textBoxes(spec: CurveChartSpec) {
  return [spec.title, spec.subtitle, spec.source, ...spec.endLabels].map((t) => {
    const width = textWidthPx(t.text, t.fontPx, t.bold);
    const top = t.baseline === 'top' ? t.y : t.baseline === 'middle' ? t.y - t.fontPx / 2 : t.y - t.fontPx;
    return { text: t.text, left: t.x, right: t.x + width, top, bottom: top + t.fontPx };
  });
}

describe('the curve chart spec', () => {
  it('puts tenors on a proportional axis: 10Y a quarter of the way to 40Y, 1Y a fortieth', () => {
    const spec = curveChartSpec(SELL_OFF);
    const left = toPixel(spec, 0, 2).x;
    const right = toPixel(spec, 40, 2).x;
    expect(left).toBe(spec.plot.left);
    expect(right).toBe(spec.plot.left + spec.plot.width);
    expect(toPixel(spec, 10, 2).x - left).toBeCloseTo((right - left) / 4, 6);
    expect(toPixel(spec, 1, 2).x - left).toBeCloseTo((right - left) / 40, 6);
    expect(spec.x.ticks.map((t) => t.years)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15, 20, 25, 30, 40]);
  });

  it('places US bills at their fraction of a year: 1M at 1/12, 3M at 0.25 of a 30-year axis', () => {
    const spec = curveChartSpec({ market: 'us', today: US_TODAY, past: US_PAST, source: MOF_SOURCE });
    expect(spec.x.max).toBe(30);
    expect(spec.x.ticks).toHaveLength(UST_TENORS.length);
    expect(spec.x.ticks[0]).toMatchObject({ tenor: '1m', label: '1M' });
    expect(spec.x.ticks[0]?.years).toBeCloseTo(1 / 12, 10);
    expect(spec.series[1].points.find((p) => p.tenor === '3m')?.years).toBe(0.25);
  });

  it('draws every published tenor as a point and labels the desk tenors without overlapping labels', () => {
    for (const size of [CHART_SIZES.full, CHART_SIZES.compact]) {
      const spec = curveChartSpec({ ...SELL_OFF, ...size });
      expect(spec.series.map((s) => s.points.length)).toEqual([JGB_TENORS.length, JGB_TENORS.length]);
      const labels = spec.x.labels.map((t) => t.label);
      expect(labels).toEqual(expect.arrayContaining(['2Y', '5Y', '10Y', '20Y', '30Y', '40Y']));
      const placed = spec.x.labels.map((t) => ({
        x: toPixel(spec, t.years, 0).x,
        half: textWidthPx(t.label, spec.x.labelFontPx) / 2,
      }));
      for (const [i, a] of placed.entries()) {
        for (const b of placed.slice(i + 1)) expect(Math.abs(a.x - b.x)).toBeGreaterThan(a.half + b.half);
      }
    }
    expect(curveChartSpec(SELL_OFF).x.labels).toHaveLength(14);
  });

  it('scales yields to round gridlines that hold every point', () => {
    const spec = curveChartSpec(SELL_OFF);
    expect(spec.y).toMatchObject({ min: 0.5, max: 4.5, interval: 0.5, decimals: 1 });
    for (const series of spec.series) {
      for (const point of series.points) {
        const { y } = toPixel(spec, point.years, point.value);
        expect(y).toBeGreaterThan(spec.plot.top);
        expect(y).toBeLessThan(spec.plot.top + spec.plot.height);
      }
    }
  });

  it('names the curves by their as-of dates, today drawn last and solid, the past dashed', () => {
    const spec = curveChartSpec(SELL_OFF);
    expect(spec.series.map((s) => [s.id, s.name, s.dashed])).toEqual([
      ['past', '2025-12-19', true],
      ['today', '2026-01-20', false],
    ]);
    expect(spec.title.text).toBe('JGB yield curve: 2026-01-20 vs 2025-12-19');
    expect(spec.subtitle.text).toBe(
      'Change: 2Y +11.9 bp · 5Y +19.7 bp · 10Y +30.9 bp · 30Y +40.3 bp · 40Y +34.0 bp',
    );
    expect(spec.source.text).toBe('Source: Ministry of Finance Japan');
    expect(spec.endLabels.map((l) => l.text)).toEqual(['3.561%', '3.901%']);
  });

  it('keeps every piece of text inside the image and clear of the others, full size and compact', () => {
    for (const size of [CHART_SIZES.full, CHART_SIZES.compact]) {
      const spec = curveChartSpec({ ...SELL_OFF, ...size });
      const boxes = textBoxes(spec);
      for (const box of boxes) {
        expect(box.left, box.text).toBeGreaterThanOrEqual(0);
        expect(box.right, box.text).toBeLessThanOrEqual(spec.width);
        expect(box.top, box.text).toBeGreaterThanOrEqual(0);
        expect(box.bottom, box.text).toBeLessThanOrEqual(spec.height);
      }
      const legendLeft =
        spec.legend.side === 'right'
          ? spec.width - spec.legend.offset - spec.legend.width
          : spec.legend.offset;
      const title = boxes[0];
      if (spec.legend.side === 'right') expect(title?.right).toBeLessThan(legendLeft);
      else expect(spec.legend.top).toBeGreaterThan(spec.subtitle.y + spec.subtitle.fontPx);
      expect(legendLeft + spec.legend.width).toBeLessThanOrEqual(spec.width);
      expect(spec.plot.top).toBeGreaterThan(spec.legend.top + 14);
    }
  });

  it('gives the legend its own row when the title leaves no room beside it', () => {
    expect(curveChartSpec(SELL_OFF).legend.side).toBe('right');
    expect(curveChartSpec({ ...SELL_OFF, ...CHART_SIZES.compact }).legend.side).toBe('left');
  });

  it('pushes apart end labels of curves that end close together', () => {
    const today = mofRow('2026-04-30');
    const past: CurveRow = { date: '2026-04-29', yields: { ...today.yields, '40y': 3.75 } };
    const spec = curveChartSpec({ market: 'jp', today, past, source: MOF_SOURCE });
    const [a, b] = spec.endLabels;
    expect(Math.abs((a?.y ?? 0) - (b?.y ?? 0))).toBeGreaterThanOrEqual((a?.fontPx ?? 0) * 1.3 - 0.1);
  });

  it('draws a past curve with a missing tenor without that point, and says so in no figure', () => {
    const yields = Object.fromEntries(
      Object.entries(mofRow('2025-12-19').yields).filter(([t]) => t !== '40y'),
    );
    const past: CurveRow = { date: '2007-11-05', yields };
    const spec = curveChartSpec({ ...SELL_OFF, past });
    expect(spec.series[0].points.map((p) => p.tenor)).not.toContain('40y');
    expect(spec.subtitle.text).not.toContain('40Y');
    expect(spec.alt).not.toContain('40Y 3.901%');
  });

  it('drops the least telling changes from the subtitle on a narrow chart', () => {
    const spec = curveChartSpec({ ...SELL_OFF, width: 480, height: 270 });
    expect(spec.subtitle.text).toContain('10Y +30.9 bp');
    expect(textWidthPx(spec.subtitle.text, spec.subtitle.fontPx)).toBeLessThanOrEqual(
      480 - 2 * spec.subtitle.x,
    );
  });

  it('describes the chart in words for screen readers and text-only clients', () => {
    expect(curveChartSpec(SELL_OFF).alt).toBe(
      'Line chart of the JGB yield curve on 2026-01-20 against 2025-12-19, maturities 1Y to 40Y: ' +
        '2Y 1.220% (+11.9 bp), 5Y 1.703% (+19.7 bp), 10Y 2.330% (+30.9 bp), 30Y 3.765% (+40.3 bp), ' +
        '40Y 3.901% (+34.0 bp). Source: Ministry of Finance Japan.',
    );
  });

  it('names the file after the market and both dates', () => {
    expect(curveChartFileName('jp', mofRow('2026-04-30'), mofRow('2026-03-30'))).toBe(
      'curve-jp-2026-04-30-vs-2026-03-30.png',
    );
  });
});
