import { readFileSync } from 'node:fs';

/**
 * The code points a TrueType font maps to a glyph, read from its `cmap` table (the Windows Unicode
 * subtables: format 4 for the basic plane, format 12 for the rest). Enough to check that a shipped
 * font covers the text drawn with it; not a general font reader.
 */
export function mappedCodePoints(file: string): Set<number> {
  const font = readFileSync(file);
  const tables = font.readUInt16BE(4);
  let cmap: number | undefined;
  for (let i = 0; i < tables; i += 1) {
    const record = 12 + 16 * i;
    if (font.toString('latin1', record, record + 4) === 'cmap') cmap = font.readUInt32BE(record + 8);
  }
  if (cmap === undefined) throw new Error(`${file} has no cmap table`);
  const mapped = new Set<number>();
  const subtables = font.readUInt16BE(cmap + 2);
  for (let i = 0; i < subtables; i += 1) {
    const platform = font.readUInt16BE(cmap + 4 + 8 * i);
    const at = cmap + font.readUInt32BE(cmap + 8 + 8 * i);
    if (platform !== 3) continue;
    const format = font.readUInt16BE(at);
    if (format === 4) readFormat4(font, at, mapped);
    if (format === 12) readFormat12(font, at, mapped);
  }
  return mapped;
}

function readFormat4(font: Buffer, at: number, mapped: Set<number>): void {
  const segments = font.readUInt16BE(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  for (let s = 0; s < segments; s += 1) {
    const start = font.readUInt16BE(starts + 2 * s);
    const end = font.readUInt16BE(ends + 2 * s);
    const delta = font.readInt16BE(deltas + 2 * s);
    const rangeOffsetAt = rangeOffsets + 2 * s;
    const rangeOffset = font.readUInt16BE(rangeOffsetAt);
    for (let code = start; code <= end && code !== 0xffff; code += 1) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (code + delta) & 0xffff;
      else {
        const raw = font.readUInt16BE(rangeOffsetAt + rangeOffset + 2 * (code - start));
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph !== 0) mapped.add(code);
    }
  }
}

function readFormat12(font: Buffer, at: number, mapped: Set<number>): void {
  const groups = font.readUInt32BE(at + 12);
  for (let g = 0; g < groups; g += 1) {
    const group = at + 16 + 12 * g;
    const start = font.readUInt32BE(group);
    const end = font.readUInt32BE(group + 4);
    const firstGlyph = font.readUInt32BE(group + 8);
    for (let code = start; code <= end; code += 1) if (firstGlyph + (code - start) !== 0) mapped.add(code);
  }
}
