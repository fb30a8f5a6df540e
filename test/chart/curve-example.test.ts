import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { renderCurveChart } from '../../src/chart/render-curve-chart.ts';
import { decodePng } from './decode-png.ts';
import { MOF_SOURCE, mofRow } from './mof-rows.ts';

const EXAMPLE = new URL('../../docs/curve-example.png', import.meta.url);

describe("the README's example chart", () => {
  it('is the MOF curve of 2026-01-20 against 2025-12-19 as the renderer draws it today', async () => {
    const chart = await renderCurveChart({
      market: 'jp',
      today: mofRow('2026-01-20'),
      past: mofRow('2025-12-19'),
      source: MOF_SOURCE,
    });
    // Regenerate after a deliberate change: UPDATE_EXAMPLES=1 npx vitest run test/chart/curve-example.test.ts
    if (process.env.UPDATE_EXAMPLES === '1') await writeFile(EXAMPLE, chart.png);
    const fresh = decodePng(chart.png);
    const stored = decodePng(await readFile(EXAMPLE));
    expect({ width: stored.width, height: stored.height }).toEqual({
      width: fresh.width,
      height: fresh.height,
    });
    let differing = 0;
    for (let i = 0; i < fresh.rgba.length; i += 4) {
      if ([0, 1, 2].some((c) => Math.abs((fresh.rgba[i + c] ?? 0) - (stored.rgba[i + c] ?? 0)) > 16))
        differing += 1;
    }
    // A renderer upgrade may move a few anti-aliased pixels; a changed chart moves many more.
    expect(differing / (fresh.width * fresh.height), 'docs/curve-example.png is out of date').toBeLessThan(
      0.005,
    );
  });
});
