import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { renderCurveChart } from '../../src/chart/render-curve-chart.ts';
import { MOF_SOURCE, mofRow } from './mof-rows.ts';
import { differingShare } from './same-picture.ts';

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
    // A renderer upgrade may move a few anti-aliased pixels; a changed chart moves many more.
    expect(
      differingShare(chart.png, await readFile(EXAMPLE)),
      'docs/curve-example.png is out of date',
    ).toBeLessThan(0.005);
  });
});
