import { describe, expect, it } from 'vitest';
import { CHART_FONT_FILES } from '../../src/chart/svg-to-png.ts';
import { MEASURED_CHARACTERS } from '../../src/chart/text-width.ts';
import { ASSET_INFO } from '../../src/domain/instruments.ts';
import { FRED_REF } from '../../src/sources/fred/create-fred-curve-provider.ts';
import { BINANCE_REF } from '../../src/sources/prices/binance-provider.ts';
import { COINGECKO_REF } from '../../src/sources/prices/coingecko-provider.ts';
import { FRED_PRICE_REF } from '../../src/sources/prices/fred-price-provider.ts';
import { GOLD_API_REF } from '../../src/sources/prices/gold-api-provider.ts';
import { KRAKEN_REF } from '../../src/sources/prices/kraken-provider.ts';
import { SWISSQUOTE_REF } from '../../src/sources/prices/swissquote-provider.ts';
import { YAHOO_REF } from '../../src/sources/prices/yahoo-provider.ts';
import { TREASURY_CSV_REF } from '../../src/sources/treasury/create-treasury-provider.ts';
import { mappedCodePoints } from '../support/font-cmap.ts';

/**
 * The shipped fonts are subsets (assets/fonts/subset.sh). A character they lack is not drawn at all,
 * since the rasteriser loads no other font: these tests hold the subsets to the text charts draw.
 */
describe('the shipped chart fonts', () => {
  const fonts = CHART_FONT_FILES.map((file) => ({ file, mapped: mappedCodePoints(file) }));

  function missing(text: string): Record<string, string[]> {
    const gaps: Record<string, string[]> = {};
    for (const { file, mapped } of fonts) {
      const lacking = [...new Set(text)].filter((char) => !mapped.has(char.codePointAt(0) ?? 0));
      if (lacking.length > 0) gaps[file] = lacking;
    }
    return gaps;
  }

  it('are the regular and the bold face', () => {
    expect(fonts.map(({ file }) => file.split('/').at(-1))).toEqual([
      'DejaVuSans.subset.ttf',
      'DejaVuSans-Bold.subset.ttf',
    ]);
  });

  it('draw every character whose width the chart layout knows, and the ellipsis it clips with', () => {
    expect(MEASURED_CHARACTERS.length).toBeGreaterThan(95);
    expect(missing(`${MEASURED_CHARACTERS.join('')}…`)).toEqual({});
  });

  it('draw every instrument name and source name a chart can show', () => {
    const names = [
      ...Object.values(ASSET_INFO).flatMap((info) => [info.label, info.unit]),
      ...[BINANCE_REF, COINGECKO_REF, FRED_PRICE_REF, GOLD_API_REF, KRAKEN_REF, SWISSQUOTE_REF, YAHOO_REF],
      ...[FRED_REF, TREASURY_CSV_REF].map((ref) => ref.name),
      'Ministry of Finance Japan',
    ].map((entry) => (typeof entry === 'string' ? entry : entry.name));
    expect(missing(names.join(''))).toEqual({});
  });

  it('keep Latin-1, Greek and the usual signs, and nothing of other scripts', () => {
    expect(missing('é ü ß Œ € £ ¥ σ Δ ± × ÷ ≈ ≤ ≥ → ↑ ↓ ▲ ▼ “ ” ‘ ’ • ‰')).toEqual({});
    for (const { mapped } of fonts) {
      expect(mapped.has(0x0416), 'Cyrillic Zhe').toBe(false);
      expect(mapped.size).toBeLessThan(1_200);
    }
  });
});
