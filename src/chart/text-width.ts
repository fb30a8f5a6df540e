/**
 * Advance widths of the shipped DejaVu Sans (regular and bold) for ASCII 32–126, in thousandths of
 * an em, read from the fonts' hmtx tables. Layout needs text widths before anything is drawn, and
 * ECharts' built-in guess (Helvetica-like) runs about 12 % narrow for DejaVu, enough for legend
 * entries to collide.
 */
const REGULAR: readonly number[] = [
  318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636, 636,
  636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575, 775, 752, 295,
  295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838,
  500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521,
  392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
];
const BOLD: readonly number[] = [
  348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696, 696, 696,
  696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683, 683, 821, 837, 372,
  372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838,
  500, 500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687, 716, 716, 493, 595,
  478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
];
/** The few non-ASCII characters charts use: middle dot, en dash, minus sign, sigma. */
const EXTRA: Readonly<Record<string, readonly [number, number]>> = {
  '·': [318, 380],
  '–': [500, 500],
  '−': [838, 838],
  σ: [634, 779],
};
/** Every character whose width is known here: the shipped fonts must draw each of them. */
export const MEASURED_CHARACTERS: readonly string[] = [
  ...Array.from(REGULAR, (_, i) => String.fromCodePoint(32 + i)),
  ...Object.keys(EXTRA),
];
/** Wider than any Latin glyph, so an unexpected character over-reserves rather than overlaps. */
const UNKNOWN_PERMILLE = 1_000;

export function textWidthPx(text: string, fontPx: number, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  let permille = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const ascii = code >= 32 && code <= 126 ? table[code - 32] : undefined;
    permille += ascii ?? EXTRA[char]?.[bold ? 1 : 0] ?? UNKNOWN_PERMILLE;
  }
  return (permille * fontPx) / 1_000;
}

/** ECharts' `measureText` hook: "bold 14px DejaVu Sans" → width in pixels. */
export function measureCssFont(text: string, font: string | undefined): { width: number } {
  const css = font ?? '';
  const size = /(\d+(?:\.\d+)?)px/.exec(css)?.[1];
  return { width: textWidthPx(text, size === undefined ? 12 : Number(size), /\b(bold|[6-9]00)\b/.test(css)) };
}
