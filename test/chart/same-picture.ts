import { decodePng } from './decode-png.ts';

/**
 * The share of pixels that differ clearly between two PNGs of the same size, for the README's
 * example images: a renderer upgrade moves a few anti-aliased pixels, a changed picture many more.
 * A different size counts as every pixel differing.
 */
export function differingShare(fresh: Uint8Array, stored: Uint8Array): number {
  const a = decodePng(fresh);
  const b = decodePng(stored);
  if (a.width !== b.width || a.height !== b.height) return 1;
  let differing = 0;
  for (let i = 0; i < a.rgba.length; i += 4) {
    if ([0, 1, 2].some((c) => Math.abs((a.rgba[i + c] ?? 0) - (b.rgba[i + c] ?? 0)) > 16)) differing += 1;
  }
  return differing / (a.width * a.height);
}
