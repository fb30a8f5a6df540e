import { access } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { ChartError } from './chart-error.ts';
import { CHART_COLORS, CHART_FONT_FAMILY } from './chart-theme.ts';
import { encodePng } from './png-encoder.ts';

/**
 * The fonts shipped in `assets/fonts`: DejaVu Sans and its bold (Bitstream Vera license), cut down
 * to Latin, Greek, punctuation, currency, arrows and math signs by `assets/fonts/subset.sh`. The
 * rasteriser reads a face's tables again for every piece of text; with the full 750 KB files that
 * was a third of a chart's render time, and the subsets draw the same pixels.
 */
export const CHART_FONT_FILES: readonly string[] = [
  'DejaVuSans.subset.ttf',
  'DejaVuSans-Bold.subset.ttf',
].map((name) => fileURLToPath(new URL(`../../assets/fonts/${name}`, import.meta.url)));

let fontsChecked: Promise<void> | undefined;

/**
 * SVG to PNG with the shipped fonts only. System fonts are never loaded: a chart must look the same
 * on a laptop and in a slim container with no fonts at all. The rasteriser and the compression run
 * off the event loop.
 */
export async function svgToPng(svg: string): Promise<Uint8Array> {
  // A missing font file would not fail the render, it would silently drop every label.
  fontsChecked ??= checkFonts();
  await fontsChecked;
  // Loaded with the first chart: most processes never draw one.
  const { renderAsync } = await import('@resvg/resvg-js');
  const image = await renderAsync(svg, {
    font: {
      loadSystemFonts: false,
      fontFiles: [...CHART_FONT_FILES],
      defaultFontFamily: CHART_FONT_FAMILY,
      sansSerifFamily: CHART_FONT_FAMILY,
    },
    // Painted first, so every pixel is opaque: the rasteriser's pixels are premultiplied, which
    // equals the straight colour a PNG stores only at full alpha.
    background: CHART_COLORS.background,
    shapeRendering: 2,
    textRendering: 1,
    logLevel: 'off',
  });
  // resvg's own `asPng` would compress on the event loop, and more slowly.
  return encodePng(image.pixels, image.width, image.height);
}

async function checkFonts(): Promise<void> {
  try {
    await Promise.all(CHART_FONT_FILES.map((file) => access(file)));
  } catch (cause) {
    fontsChecked = undefined;
    throw new ChartError('FONT_MISSING', `Chart fonts missing: ${CHART_FONT_FILES.join(', ')}`, { cause });
  }
}
