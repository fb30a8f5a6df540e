import { promisify } from 'node:util';
import { crc32, deflate } from 'node:zlib';

const deflateAsync = promisify(deflate);

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** 8 bits per channel, colour type 6 (truecolour with alpha), no interlacing. */
const BIT_DEPTH = 8;
const RGBA = 6;
/**
 * zlib level 3. A chart is mostly flat colour, so the fast levels already find the long runs: level 3
 * writes the same size as resvg's own encoder in a third of its time, and level 6 saves a third of
 * the bytes for three times the time.
 */
const DEFLATE_LEVEL = 3;

/**
 * Opaque RGBA pixels (row after row, as the rasteriser hands them over) as a PNG. Opaque because
 * the rasteriser's pixels are premultiplied by alpha, and only at full alpha are they the straight
 * colours a PNG stores; `svgToPng` paints the background first so that every pixel is. Every row is stored
 * unfiltered: filtering costs more time in JavaScript than it saves bytes on charts. The compression
 * runs on libuv's thread pool, so the event loop is only held for the row copy.
 */
export async function encodePng(rgba: Uint8Array, width: number, height: number): Promise<Uint8Array> {
  const stride = width * 4;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`cannot encode a ${width}×${height} image`);
  }
  if (rgba.byteLength !== stride * height) {
    throw new RangeError(`${rgba.byteLength} bytes is not ${width}×${height} RGBA pixels`);
  }
  const rows = Buffer.allocUnsafe((stride + 1) * height);
  const pixels = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength);
  for (let y = 0; y < height; y += 1) {
    const at = y * (stride + 1);
    rows[at] = 0; // filter type None
    pixels.copy(rows, at + 1, y * stride, (y + 1) * stride);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = BIT_DEPTH;
  header[9] = RGBA;
  // Bytes 10–12: compression 0 (deflate), filter method 0, interlace 0 (none).
  const data = await deflateAsync(rows, { level: DEFLATE_LEVEL });
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', data),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Length, type, data and the CRC of type and data. */
function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.allocUnsafe(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
