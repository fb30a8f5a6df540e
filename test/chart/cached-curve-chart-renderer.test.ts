import { describe, expect, it } from 'vitest';
import type { CurveChartInput } from '../../src/chart/curve-chart-spec.ts';
import { createCachedCurveChartRenderer, type RenderedChart } from '../../src/chart/render-curve-chart.ts';
import { MOF_SOURCE, mofRow } from './mof-rows.ts';

const INPUT: CurveChartInput = {
  market: 'jp',
  today: mofRow('2026-04-30'),
  past: mofRow('2026-03-30'),
  source: MOF_SOURCE,
};

function countingRenderer(fail = false) {
  const calls: CurveChartInput[] = [];
  const render = async (input: CurveChartInput): Promise<RenderedChart> => {
    calls.push(input);
    if (fail && calls.length === 1) throw new Error('font missing');
    return { svg: '<svg/>', png: new Uint8Array([calls.length]), width: 1, height: 1, alt: '' };
  };
  return { calls, render };
}

describe('the cached curve chart renderer', () => {
  it('draws a comparison once for any number of concurrent and later requests', async () => {
    const { calls, render } = countingRenderer();
    const cached = createCachedCurveChartRenderer(4, render);
    const results = await Promise.all(Array.from({ length: 50 }, () => cached(INPUT)));
    await cached({ ...INPUT, today: { ...INPUT.today } });
    expect(calls).toHaveLength(1);
    expect(new Set(results.map((r) => r.png)).size).toBe(1);
  });

  it('draws again when a value changes, as when MOF revises a published day', async () => {
    const { calls, render } = countingRenderer();
    const cached = createCachedCurveChartRenderer(4, render);
    await cached(INPUT);
    await cached({ ...INPUT, today: { ...INPUT.today, yields: { ...INPUT.today.yields, '10y': 2.521 } } });
    await cached({ ...INPUT, width: 640, height: 360 });
    expect(calls).toHaveLength(3);
  });

  it('forgets a failed render so the next request tries again', async () => {
    const { calls, render } = countingRenderer(true);
    const cached = createCachedCurveChartRenderer(4, render);
    await expect(cached(INPUT)).rejects.toThrow('font missing');
    await expect(cached(INPUT)).resolves.toMatchObject({ width: 1 });
    expect(calls).toHaveLength(2);
  });

  it('keeps only the most recently used charts', async () => {
    const { calls, render } = countingRenderer();
    const cached = createCachedCurveChartRenderer(2, render);
    const pasts = ['2026-03-30', '2026-03-31', '2026-04-01'].map((date) => ({
      ...INPUT,
      past: mofRow(date),
    }));
    for (const input of pasts) await cached(input);
    await cached(pasts[2] ?? INPUT);
    expect(calls).toHaveLength(3);
    await cached(pasts[0] ?? INPUT);
    expect(calls).toHaveLength(4);
  });
});
