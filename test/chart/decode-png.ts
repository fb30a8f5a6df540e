import { crc32, inflateSync } from 'node:zlib';

export interface DecodedPng {
  readonly width: number;
  readonly height: number;
  /** RGBA, 8 bits per channel, row after row. */
  readonly rgba: Uint8Array;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 4: 2, 6: 4 };

/**
 * A strict decoder for the PNGs the chart renderer writes (8-bit greyscale or truecolour, with or
 * without alpha, not interlaced): checks the signature and every chunk's CRC, inflates the image
 * data and undoes the scanline filters. Written here so the test does not trust the encoder's own
 * reader.
 */
export function decodePng(bytes: Uint8Array): DecodedPng {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!SIGNATURE.every((b, i) => buffer[i] === b)) throw new Error('not a PNG: bad signature');
  let offset = 8;
  let header:
    | { width: number; height: number; bitDepth: number; colorType: number; interlace: number }
    | undefined;
  const idat: Buffer[] = [];
  let ended = false;
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('latin1', offset + 4, offset + 8);
    const data = buffer.subarray(offset + 8, offset + 8 + length);
    const crc = buffer.readUInt32BE(offset + 8 + length);
    if (crc32(buffer.subarray(offset + 4, offset + 8 + length)) !== crc)
      throw new Error(`bad CRC in ${type}`);
    if (type === 'IHDR') {
      header = {
        width: data.readUInt32BE(0),
        height: data.readUInt32BE(4),
        bitDepth: data[8] ?? 0,
        colorType: data[9] ?? 0,
        interlace: data[12] ?? 0,
      };
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') {
      ended = true;
      break;
    }
    offset += 12 + length;
  }
  if (!header || !ended) throw new Error('PNG is truncated');
  const channels = CHANNELS[header.colorType];
  if (header.bitDepth !== 8 || channels === undefined || header.interlace !== 0)
    throw new Error(`unsupported PNG: depth ${header.bitDepth}, colour type ${header.colorType}`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = header.width * channels;
  if (raw.length !== header.height * (stride + 1)) throw new Error('image data has the wrong length');
  const pixels = unfilter(raw, header.height, stride, channels);
  return { width: header.width, height: header.height, rgba: toRgba(pixels, channels) };
}

function unfilter(raw: Buffer, height: number, stride: number, bpp: number): Uint8Array {
  const out = new Uint8Array(height * stride);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = y * stride;
    for (let x = 0; x < stride; x += 1) {
      const a = x >= bpp ? (out[row + x - bpp] ?? 0) : 0;
      const b = y > 0 ? (out[row - stride + x] ?? 0) : 0;
      const c = x >= bpp && y > 0 ? (out[row - stride + x - bpp] ?? 0) : 0;
      const value = line[x] ?? 0;
      let predicted: number;
      if (filter === 0) predicted = 0;
      else if (filter === 1) predicted = a;
      else if (filter === 2) predicted = b;
      else if (filter === 3) predicted = (a + b) >> 1;
      else if (filter === 4) predicted = paeth(a, b, c);
      else throw new Error(`unknown filter ${filter} on row ${y}`);
      out[row + x] = (value + predicted) & 0xff;
    }
  }
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

function toRgba(pixels: Uint8Array, channels: number): Uint8Array {
  if (channels === 4) return pixels;
  const count = pixels.length / channels;
  const out = new Uint8Array(count * 4);
  for (let i = 0; i < count; i += 1) {
    const p = i * channels;
    const grey = channels <= 2;
    out[i * 4] = pixels[p] ?? 0;
    out[i * 4 + 1] = pixels[grey ? p : p + 1] ?? 0;
    out[i * 4 + 2] = pixels[grey ? p : p + 2] ?? 0;
    out[i * 4 + 3] = channels === 2 ? (pixels[p + 1] ?? 255) : channels === 4 ? (pixels[p + 3] ?? 255) : 255;
  }
  return out;
}

/** The pixel at (x, y) as [r, g, b, a]. */
export function pixelAt(png: DecodedPng, x: number, y: number): [number, number, number, number] {
  const i = (Math.round(y) * png.width + Math.round(x)) * 4;
  return [png.rgba[i] ?? 0, png.rgba[i + 1] ?? 0, png.rgba[i + 2] ?? 0, png.rgba[i + 3] ?? 0];
}

/** Pixels in a box that differ clearly from the white background. */
export function inkIn(png: DecodedPng, box: { x: number; y: number; width: number; height: number }): number {
  let ink = 0;
  for (let y = Math.max(0, Math.floor(box.y)); y < Math.min(png.height, box.y + box.height); y += 1) {
    for (let x = Math.max(0, Math.floor(box.x)); x < Math.min(png.width, box.x + box.width); x += 1) {
      const [r, g, b] = pixelAt(png, x, y);
      if (255 * 3 - (r + g + b) > 120) ink += 1;
    }
  }
  return ink;
}
