// A minimal PNG reader for the packaging tests: real dimensions from the IHDR chunk and,
// for 8-bit RGBA images (what resvg writes), the decoded pixels.
import { inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface PngInfo {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
}

export function isPng(data: Buffer): boolean {
  return data.subarray(0, 8).equals(SIGNATURE);
}

export function readPngInfo(data: Buffer): PngInfo {
  if (!isPng(data)) throw new Error('Not a PNG (bad signature)');
  if (data.toString('ascii', 12, 16) !== 'IHDR') throw new Error('PNG does not start with IHDR');
  return {
    width: data.readUInt32BE(16),
    height: data.readUInt32BE(20),
    bitDepth: data[24]!,
    colorType: data[25]!,
  };
}

/** RGBA bytes, row after row; only 8-bit RGBA, non-interlaced. */
export function decodeRgba(data: Buffer): { width: number; height: number; rgba: Buffer } {
  const info = readPngInfo(data);
  if (info.bitDepth !== 8 || info.colorType !== 6) {
    throw new Error(
      `Only 8-bit RGBA is decoded (got depth ${info.bitDepth}, type ${info.colorType})`,
    );
  }
  if (data[28] !== 0) throw new Error('Interlaced PNG not supported');
  const idat: Buffer[] = [];
  for (let at = 8; at < data.length;) {
    const len = data.readUInt32BE(at);
    const type = data.toString('ascii', at + 4, at + 8);
    if (type === 'IDAT') idat.push(data.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const bpp = 4;
  const stride = info.width * bpp;
  const out = Buffer.alloc(stride * info.height);
  for (let y = 0; y < info.height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? out[y * stride + x - bpp]! : 0;
      const b = y > 0 ? out[(y - 1) * stride + x]! : 0;
      const c = x >= bpp && y > 0 ? out[(y - 1) * stride + x - bpp]! : 0;
      let pred = 0;
      if (filter === 1) pred = a;
      else if (filter === 2) pred = b;
      else if (filter === 3) pred = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        pred = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else if (filter !== 0) throw new Error(`Bad PNG filter ${filter}`);
      out[y * stride + x] = (line[x]! + pred) & 0xff;
    }
  }
  return { width: info.width, height: info.height, rgba: out };
}
