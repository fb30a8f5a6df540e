export interface NiceScale {
  readonly min: number;
  readonly max: number;
  /** Distance between gridlines, 1, 2, 2.5 or 5 times a power of ten. */
  readonly interval: number;
  /** Decimals that show every gridline value exactly (0.25 needs two, 0.5 one). */
  readonly decimals: number;
}

const MULTIPLIERS = [1, 2, 2.5, 5] as const;

/**
 * A value range padded and rounded out to round gridlines, with at most `maxIntervals` intervals.
 * Of the round steps that fit, the one wasting the least height wins, so the curves fill the plot.
 * The padding keeps the highest and lowest points off the frame.
 */
export function niceScale(low: number, high: number, maxIntervals = 8, paddingFraction = 0.05): NiceScale {
  const span = Math.max(high - low, 0.1);
  const paddedLow = low - span * paddingFraction;
  const paddedHigh = high + span * paddingFraction;
  const exponent = Math.floor(Math.log10((paddedHigh - paddedLow) / maxIntervals));
  let best: NiceScale | undefined;
  for (const power of [exponent, exponent + 1]) {
    for (const multiplier of MULTIPLIERS) {
      const step = multiplier * 10 ** power;
      const decimals = Math.max(0, -power + (multiplier === 2.5 ? 1 : 0));
      // Rounding through the decimals avoids 0.30000000000000004-style gridline values.
      const round = (value: number) => Number(value.toFixed(decimals));
      const min = round(Math.floor(paddedLow / step) * step);
      const max = round(Math.ceil(paddedHigh / step) * step);
      if ((max - min) / step > maxIntervals + 1e-9) continue;
      if (!best || max - min < best.max - best.min - 1e-9)
        best = { min, max, interval: round(step), decimals };
    }
  }
  // Unreachable for finite input: ten times the rough step always fits.
  return best ?? { min: Math.floor(paddedLow), max: Math.ceil(paddedHigh), interval: 1, decimals: 0 };
}
