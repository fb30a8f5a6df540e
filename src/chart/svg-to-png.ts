import { access } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { ChartError } from './chart-error.ts';
import { CHART_FONT_FAMILY } from './chart-theme.ts';

/** The fonts shipped in `assets/fonts` (DejaVu Sans, Bitstream Vera license). */
export const CHART_FONT_FILES: readonly string[] = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((name) =>
  fileURLToPath(new URL(`../../assets/fonts/${name}`, import.meta.url)),
);

let fontsChecked: Promise<void> | undefined;

/**
 * SVG to PNG with the shipped fonts only. System fonts are never loaded: a chart must look the same
 * on a laptop and in a slim container with no fonts at all. The rasteriser runs off the event loop.
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
    shapeRendering: 2,
    textRendering: 1,
    logLevel: 'off',
  });
  return new Uint8Array(image.asPng());
}

async function checkFonts(): Promise<void> {
  try {
    await Promise.all(CHART_FONT_FILES.map((file) => access(file)));
  } catch (cause) {
    fontsChecked = undefined;
    throw new ChartError('FONT_MISSING', `Chart fonts missing: ${CHART_FONT_FILES.join(', ')}`, { cause });
  }
}
