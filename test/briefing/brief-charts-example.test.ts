import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { renderBriefCharts } from '../../src/briefing/render-brief-charts.ts';
import { loadTemplateLibrary } from '../../src/briefing/template-library.ts';
import { differingShare } from '../chart/same-picture.ts';
import { goldenPriceHistory, goldenSnapshot } from './golden-snapshot.ts';

const EXAMPLES = {
  'curve:jp:1w': new URL('../../docs/brief-curve-example.png', import.meta.url),
  'sparklines:gold,wti,xrp,btc,usdjpy:30': new URL('../../docs/brief-prices-example.png', import.meta.url),
} as const;

describe("the README's example brief pictures", () => {
  it('are the golden morning brief’s chart and sparklines as the renderers draw them today', async () => {
    const library = await loadTemplateLibrary();
    const morning = library.get('morning');
    if (!morning) throw new Error('no morning template');
    const charts = await renderBriefCharts(morning, await goldenSnapshot(), { prices: goldenPriceHistory() });
    for (const [key, file] of Object.entries(EXAMPLES)) {
      const png = charts.get(key)?.png;
      if (!png) throw new Error(`no ${key} chart`);
      // Regenerate after a deliberate change: UPDATE_EXAMPLES=1 npx vitest run test/briefing/brief-charts-example.test.ts
      if (process.env.UPDATE_EXAMPLES === '1') await writeFile(file, png);
      expect(differingShare(png, await readFile(file)), `${file.pathname} is out of date`).toBeLessThan(
        0.005,
      );
    }
  });
});
