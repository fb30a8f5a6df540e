import type { Tenor } from '../domain/instruments.ts';
import { textWidthPx } from './text-width.ts';

export interface TenorTick {
  readonly tenor: Tenor;
  readonly years: number;
  /** "10Y", "3M": what the axis shows. */
  readonly label: string;
}

/** The tenors a desk reads first, labelled before any neighbour that would crowd them out. */
const PRIORITY: readonly string[] = ['10y', '2y', '5y', '30y', '20y', '40y', '1y', '3m', '7y', '15y', '25y'];

/** Gap between two labels, as a share of the font size, so they read as separate words. */
const LABEL_GAP_EM = 0.6;

export function tenorLabel(tenor: Tenor): string {
  return tenor.toUpperCase();
}

/**
 * The tenors that get a label on a proportional axis. On it 1Y–10Y sit a few pixels apart and the
 * US bills (1M–6M) nearly on top of each other, so labels are placed greedily by desk priority and
 * a tenor whose label would touch an already placed one stays a bare tick.
 */
export function pickTenorLabels(
  ticks: readonly TenorTick[],
  pixelOf: (years: number) => number,
  fontPx: number,
): TenorTick[] {
  const rank = (tick: TenorTick) => {
    const index = PRIORITY.indexOf(tick.tenor);
    // Unlisted tenors come after the listed ones, longest first.
    return index === -1 ? PRIORITY.length + 100 - tick.years : index;
  };
  const placed: { tick: TenorTick; x: number; halfWidth: number }[] = [];
  for (const tick of [...ticks].sort((a, b) => rank(a) - rank(b))) {
    const x = pixelOf(tick.years);
    const halfWidth = textWidthPx(tick.label, fontPx) / 2;
    const clear = placed.every(
      (other) => Math.abs(other.x - x) >= other.halfWidth + halfWidth + LABEL_GAP_EM * fontPx,
    );
    if (clear) placed.push({ tick, x, halfWidth });
  }
  return placed.map((p) => p.tick).sort((a, b) => a.years - b.years);
}
