import { beforeAll, describe, expect, it } from 'vitest';
import { createMemoryPriceHistory, type PriceHistory } from '../../src/alerts/observe-subject.ts';
import { priceTrail } from '../../src/briefing/brief-charts.ts';
import { briefFor } from '../../src/briefing/brief-for.ts';
import { composeBrief } from '../../src/briefing/compose-brief.ts';
import { renderBriefCharts } from '../../src/briefing/render-brief-charts.ts';
import type { Snapshot } from '../../src/briefing/snapshot.ts';
import { loadTemplateLibrary, type TemplateLibrary } from '../../src/briefing/template-library.ts';
import { CHART_SIZES } from '../../src/chart/chart-theme.ts';
import { SPARKLINE_PANEL_PX } from '../../src/chart/render-sparkline-panel.ts';
import type { Block, Document, Image } from '../../src/domain/document.ts';
import { renderText } from '../../src/render/render-text.ts';
import { decodePng } from '../chart/decode-png.ts';
import { fixtureMarket, GOLDEN_TAKEN_AT, goldenPriceHistory, goldenSnapshot } from './golden-snapshot.ts';

let snapshot: Snapshot;
let library: TemplateLibrary;
beforeAll(async () => {
  snapshot = await goldenSnapshot();
  library = await loadTemplateLibrary();
});

function template(name: string) {
  const found = library.get(name);
  if (!found) throw new Error(`no template ${name}`);
  return found;
}

const images = (document: Document): Image[] =>
  document.blocks.flatMap((block) => (block.kind === 'image' ? [block.image] : []));

/** A log that keeps what it is told, as the charts' `log` sees it. */
function recordingLog() {
  const warnings: { details: Record<string, unknown>; message: string }[] = [];
  return {
    warnings,
    log: {
      warn: (details: Record<string, unknown>, message: string) => void warnings.push({ details, message }),
    } as never,
  };
}

/** Bitcoin's closes on the days before the golden morning; Kraken's quote of that morning ends the line. */
function withBitcoinHistory(history: PriceHistory): PriceHistory {
  const closes = [81_020, 80_115.5, 79_870, 80_402.25, 79_001];
  closes.forEach(
    (close, i) => void history.record('btc', `2026-03-${String(11 + i).padStart(2, '0')}`, close),
  );
  return history;
}

describe('the morning brief with charts (briefFor)', () => {
  it('carries a 640×360 JGB chart of the latest curve against a week earlier, after the curve table', async () => {
    const { document } = await briefFor({
      market: fixtureMarket(),
      template: 'morning',
      timeZone: 'Asia/Tokyo',
      now: () => GOLDEN_TAKEN_AT,
      library,
      charts: { prices: goldenPriceHistory() },
    });
    const [curve] = images(document);
    expect(curve?.name).toBe('curve-jp-2026-04-30-vs-2026-04-23.png');
    const png = decodePng(curve?.png ?? new Uint8Array());
    expect({ width: png.width, height: png.height }).toEqual(CHART_SIZES.compact);
    expect({ width: curve?.width, height: curve?.height }).toEqual(CHART_SIZES.compact);
    // The alt text says what is compared, as of when, the figures and the source.
    expect(curve?.alt).toBe(
      'JGB curve 2026-04-30 vs 2026-04-23: 2Y 1.402% (+3.7 bp), 5Y 1.903% (+5.8 bp), 10Y 2.520% (+9.1 bp), ' +
        '20Y 3.402% (+10.5 bp), 30Y 3.721% (+9.1 bp), 40Y 3.743% (+11.0 bp). Source: Ministry of Finance Japan.',
    );
    const at = document.blocks.findIndex((block) => block.kind === 'image');
    const before = document.blocks.slice(0, at).map((b: Block) => b.kind);
    expect(before.slice(-3)).toEqual(['heading', 'table', 'text']);
    expect(document.blocks[at - 3]).toEqual({ kind: 'heading', text: 'JGB curve (Apr 30, 2026)' });
  });

  it('draws one sparkline per price with at least two recorded days, ending at the price the brief shows', async () => {
    const { document } = await briefFor({
      market: fixtureMarket(),
      template: 'morning',
      timeZone: 'Asia/Tokyo',
      now: () => GOLDEN_TAKEN_AT,
      library,
      charts: { prices: withBitcoinHistory(goldenPriceHistory()) },
    });
    const sparklines = images(document)[1];
    expect(sparklines?.name).toBe('prices-2026-03-16-30d.png');
    // Gold and Bitcoin have a history; WTI, XRP and USD/JPY did not answer, so they have no line.
    const png = decodePng(sparklines?.png ?? new Uint8Array());
    const rows = 2;
    const height = SPARKLINE_PANEL_PX.top + rows * SPARKLINE_PANEL_PX.row + SPARKLINE_PANEL_PX.bottom;
    expect({ width: png.width, height: png.height }).toEqual({ width: 640, height });
    expect(sparklines?.alt).toBe(
      'Daily closes over 30 days: Gold 2,756.31 → 2,952.50 (+7.12%, 2025-01-22 to 2025-02-20); ' +
        'Bitcoin 81,020 → 78,494 (-3.12%, 2026-03-11 to 2026-03-16). ' +
        'Source: Yahoo Finance, Kraken, as recorded by briefbot.',
    );
    // Right after the prices table and its notices, before the headlines.
    const at = document.blocks.findIndex((b) => b.kind === 'image' && b.image === sparklines);
    expect(document.blocks[at - 1]?.kind).toBe('notice');
    expect(document.blocks[at + 1]).toEqual({ kind: 'heading', text: 'Headlines' });
  });

  it('has no sparklines when no price has two recorded days, and no sparkline for one with a single day', async () => {
    const oneDay = createMemoryPriceHistory();
    await oneDay.record('btc', '2026-03-13', 80_000);
    // Bitcoin's quote is from 2026-03-16: one recorded day before it makes two points.
    const two = await renderBriefCharts(template('morning'), snapshot, { prices: oneDay });
    expect([...two.keys()]).toEqual(['curve:jp:1w', 'sparklines:gold,wti,xrp,btc,usdjpy:30']);
    const none = await renderBriefCharts(template('morning'), snapshot, {
      prices: createMemoryPriceHistory(),
    });
    expect([...none.keys()]).toEqual(['curve:jp:1w']);
    const withoutStore = await renderBriefCharts(template('morning'), snapshot);
    expect([...withoutStore.keys()]).toEqual(['curve:jp:1w']);
    const old = createMemoryPriceHistory();
    await old.record('btc', '2026-01-02', 90_000);
    // A close from before the 30-day window does not make a line.
    expect([...(await renderBriefCharts(template('morning'), snapshot, { prices: old })).keys()]).toEqual([
      'curve:jp:1w',
    ]);
  });

  it('goes out without a chart that fails to draw, says so in the log, and keeps every figure', async () => {
    const { warnings, log } = recordingLog();
    const failing = {
      prices: goldenPriceHistory(),
      log,
      renderCurve: async () => {
        throw new Error('resvg ran out of memory');
      },
    };
    const request = {
      market: fixtureMarket(),
      template: 'morning',
      timeZone: 'Asia/Tokyo',
      now: () => GOLDEN_TAKEN_AT,
      library,
    };
    const { document } = await briefFor({ ...request, charts: failing });
    expect(images(document).map((image) => image.name)).toEqual(['prices-2025-02-20-30d.png']);
    expect(warnings).toEqual([
      {
        details: expect.objectContaining({
          chart: 'curve:jp:1w',
          template: 'morning',
          err: expect.any(Error),
        }),
        message: 'brief chart not drawn; the brief goes out without it',
      },
    ]);
    // Everything but the picture is the brief as it is when the chart draws.
    const { document: drawn } = await briefFor({ ...request, charts: { prices: goldenPriceHistory() } });
    expect(images(drawn)).toHaveLength(2);
    const withoutImages = (doc: Document) =>
      renderText({ ...doc, blocks: doc.blocks.filter((b) => b.kind !== 'image') });
    expect(withoutImages(document)).toBe(withoutImages(drawn));
  });

  it('goes out without sparklines when the price history cannot be read', async () => {
    const { warnings, log } = recordingLog();
    const broken: PriceHistory = {
      record: async () => undefined,
      series: async () => {
        throw new Error('SQLITE_BUSY: database is locked');
      },
    };
    const charts = await renderBriefCharts(template('morning'), snapshot, { prices: broken, log });
    expect([...charts.keys()]).toEqual(['curve:jp:1w']);
    expect(warnings.map((w) => w.details.chart)).toEqual(['sparklines:gold,wti,xrp,btc,usdjpy:30']);
  });

  it('writes the alt text in the brief’s language; the pictures are the same', async () => {
    const charts = await renderBriefCharts(template('morning.ja'), snapshot, {
      prices: goldenPriceHistory(),
    });
    const english = await renderBriefCharts(template('morning'), snapshot, { prices: goldenPriceHistory() });
    const document = composeBrief({
      snapshot,
      template: template('morning.ja'),
      timeZone: 'Asia/Tokyo',
      charts,
    });
    const [curve, prices] = images(document);
    expect(curve?.alt).toMatch(
      /^日本国債利回り曲線 2026-03-13（比較：2026-03-06）：2年 1\.289%（\+4\.3 bp）、/,
    );
    expect(curve?.alt).toMatch(/出所：Ministry of Finance Japan$/);
    expect(prices?.alt).toBe(
      '30日間の日次終値：金 2,756.31→2,952.50（+7.12%、2025-01-22〜2025-02-20）。出所：Yahoo Finance（briefbotが記録）',
    );
    expect(Buffer.from(curve?.png ?? []).equals(Buffer.from(english.get('curve:jp:1w')?.png ?? [1]))).toBe(
      true,
    );
  });

  it('leaves the charts out of templates that do not ask for them', async () => {
    for (const name of ['close', 'five-things']) {
      const charts = await renderBriefCharts(template(name), snapshot, { prices: goldenPriceHistory() });
      expect(charts.size).toBe(0);
    }
  });
});

describe('a replayed brief (--as-of)', () => {
  it('charts the replayed day against the week before it, as the MOF history stood that day', async () => {
    const { document } = await briefFor({
      market: fixtureMarket(),
      template: 'morning',
      timeZone: 'Asia/Tokyo',
      now: () => GOLDEN_TAKEN_AT,
      asOf: '2026-01-20',
      library,
      charts: { prices: goldenPriceHistory() },
    });
    // Prices have no past quotes here, so only the curve is drawn.
    expect(images(document).map((image) => image.name)).toEqual(['curve-jp-2026-01-20-vs-2026-01-13.png']);
    expect(images(document)[0]?.alt).toContain('30Y 3.765% (+');
  });
});

describe('a price trail', () => {
  it("draws only closes of the quote's own source and contract, and of before origins were kept", async () => {
    // The golden gold quote is Yahoo's GC=F, "Gold Apr 25", on 2025-02-20.
    const closes = [
      { date: '2025-02-14', value: 2_880 },
      { date: '2025-02-17', value: 2_900, source: 'yahoo', contract: 'Gold Apr 25' },
      { date: '2025-02-18', value: 2_870, source: 'gold-api' },
      { date: '2025-02-19', value: 2_910, source: 'yahoo', contract: 'Gold Feb 25' },
    ];
    const trail = priceTrail(snapshot, 'gold', closes, 30);
    expect(trail?.points).toEqual([
      { date: '2025-02-14', value: 2_880 },
      { date: '2025-02-17', value: 2_900, source: 'yahoo', contract: 'Gold Apr 25' },
      { date: '2025-02-20', value: 2_952.5 },
    ]);
  });
});
