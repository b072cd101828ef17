// The icon generator's outputs are what electron-builder and the tray load: every expected
// file exists with the real pixel size it claims, the .ico and .icns hold the sizes each OS
// picks from, and macOS template images are pure black + alpha.
import { mkdtemp, readFile, rm, cp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ICON_OUTPUTS, generateIcons } from '../../scripts/generate-icons';
import { ICNS_TYPES, readIcnsChunks } from '../../scripts/icons/icns';
import { paintTraySvg } from '../../scripts/icons/tray-palette';
import { TRAY_STATES, TRAY_VARIANTS, trayIconFileName } from '../../main/core/tray-icons';
import { decodeRgba, isPng, readPngInfo } from './png';

const ROOT = path.resolve(import.meta.dirname, '../..');

function readIcoEntries(ico: Buffer) {
  expect(ico.readUInt16LE(0)).toBe(0);
  expect(ico.readUInt16LE(2)).toBe(1); // 1 = icon
  const count = ico.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => {
    const at = 6 + i * 16;
    const size = ico.readUInt32LE(at + 8);
    const offset = ico.readUInt32LE(at + 12);
    return {
      width: ico[at]! || 256,
      height: ico[at + 1]! || 256,
      data: ico.subarray(offset, offset + size),
    };
  });
}

// Both the committed files (what `npm start` and packaging use) and a fresh run into a
// temp copy (proves the generator itself makes them) are checked.
let fresh: string;
beforeAll(async () => {
  fresh = await mkdtemp(path.join(os.tmpdir(), 'pika-icons-'));
  await cp(path.join(ROOT, 'build'), path.join(fresh, 'build'), {
    recursive: true,
    filter: (src) => !src.endsWith('.png') && !/icon\.(ico|icns)$/.test(src),
  });
  await generateIcons(fresh);
});
afterAll(async () => {
  await rm(fresh, { recursive: true, force: true });
});

describe.each([
  ['committed', () => ROOT],
  ['freshly generated', () => fresh],
])('icon outputs (%s)', (_label, root) => {
  it('lists every size electron-builder and the tray need', () => {
    const files = ICON_OUTPUTS.map((o) => o.file);
    for (const size of [16, 32, 48, 64, 128, 256, 512, 1024]) {
      expect(files).toContain(`build/icons/${size}x${size}.png`);
    }
    expect(files).toEqual(
      expect.arrayContaining(['build/icon.png', 'build/icon.ico', 'build/icon.icns']),
    );
    for (const state of TRAY_STATES) {
      for (const variant of TRAY_VARIANTS) {
        expect(files).toContain(`build/tray/${trayIconFileName(state, variant, 1)}`);
        expect(files).toContain(`build/tray/${trayIconFileName(state, variant, 2)}`);
      }
    }
    expect(new Set(files).size).toBe(files.length);
  });

  it('writes PNGs with the real pixel sizes they are named for', async () => {
    for (const out of ICON_OUTPUTS) {
      if (out.kind !== 'png' && out.kind !== 'tray') continue;
      const info = readPngInfo(await readFile(path.join(root(), out.file)));
      expect({ file: out.file, w: info.width, h: info.height }).toEqual({
        file: out.file,
        w: out.size,
        h: out.size,
      });
    }
  });

  it('packs 16..256 px PNG-or-BMP images into icon.ico', async () => {
    const entries = readIcoEntries(await readFile(path.join(root(), 'build/icon.ico')));
    expect(entries.map((e) => e.width).sort((a, b) => a - b)).toEqual([
      16, 24, 32, 48, 64, 128, 256,
    ]);
    for (const e of entries) {
      expect(e.height).toBe(e.width);
      if (isPng(e.data)) {
        const info = readPngInfo(e.data);
        expect([info.width, info.height]).toEqual([e.width, e.height]);
      } else {
        // BITMAPINFOHEADER: height is doubled (image + AND mask).
        expect(e.data.readUInt32LE(0)).toBe(40);
        expect(e.data.readInt32LE(4)).toBe(e.width);
        expect(e.data.readInt32LE(8)).toBe(e.width * 2);
      }
    }
  });

  it('writes icon.icns with every chunk type macOS uses, each a PNG of its size', async () => {
    const chunks = readIcnsChunks(await readFile(path.join(root(), 'build/icon.icns')));
    expect(chunks.map((c) => c.type).sort()).toEqual(
      ['ic07', 'ic08', 'ic09', 'ic10', 'ic11', 'ic12', 'ic13', 'ic14'].sort(),
    );
    for (const chunk of chunks) {
      const want = ICNS_TYPES[chunk.type as keyof typeof ICNS_TYPES];
      const info = readPngInfo(chunk.data);
      expect([chunk.type, info.width, info.height]).toEqual([chunk.type, want, want]);
    }
  });

  it('draws tray template images in black + alpha only, and not blank', async () => {
    for (const out of ICON_OUTPUTS) {
      if (out.kind !== 'tray') continue;
      const { rgba } = decodeRgba(await readFile(path.join(root(), out.file)));
      let opaque = 0;
      let coloured = 0;
      for (let i = 0; i < rgba.length; i += 4) {
        if (rgba[i + 3] === 0) continue;
        if (rgba[i + 3]! > 128) opaque++;
        if (rgba[i] !== 0 || rgba[i + 1] !== 0 || rgba[i + 2] !== 0) coloured++;
      }
      // A 16 px glyph covers a good part of its square; an empty render would be 0.
      expect(opaque, out.file).toBeGreaterThan(out.size * out.size * 0.3);
      if (out.variant === 'template') expect(coloured, out.file).toBe(0);
      else expect(coloured, out.file).toBeGreaterThan(0);
    }
  });
});

describe('tray variants', () => {
  it('tell the states apart: no two states render the same image', async () => {
    const seen = new Map<string, string>();
    for (const state of TRAY_STATES) {
      const png = await readFile(
        path.join(ROOT, 'build/tray', trayIconFileName(state, 'template', 2)),
      );
      const key = decodeRgba(png).rgba.toString('base64');
      expect(seen.get(key), `${state} looks like ${seen.get(key)}`).toBeUndefined();
      seen.set(key, state);
    }
  });

  it('refuses a tray SVG without the style placeholder instead of rendering it unpainted', () => {
    expect(() => paintTraySvg('<svg xmlns="http://www.w3.org/2000/svg"/>', 'color')).toThrow(
      /placeholder/,
    );
  });

  // Pixels, not bytes: the rasteriser may round differently on another CPU (e.g. arm64 Macs),
  // while a stale committed image differs by far more than a rounding step.
  it('committed images match a fresh run (nothing stale: run npm run icons)', async () => {
    for (const out of ICON_OUTPUTS) {
      if (out.kind !== 'png' && out.kind !== 'tray') continue;
      const [a, b] = await Promise.all([
        readFile(path.join(ROOT, out.file)).then(decodeRgba),
        readFile(path.join(fresh, out.file)).then(decodeRgba),
      ]);
      expect([a.width, a.height], out.file).toEqual([b.width, b.height]);
      let worst = 0;
      // Compared premultiplied: a nearly transparent edge pixel's colour carries no weight.
      const at = (px: Buffer, i: number) =>
        i % 4 === 3 ? px[i]! : (px[i]! * px[i - (i % 4) + 3]!) / 255;
      for (let i = 0; i < a.rgba.length; i++) {
        worst = Math.max(worst, Math.abs(at(a.rgba, i) - at(b.rgba, i)));
      }
      expect(worst, `${out.file} is stale: run npm run icons`).toBeLessThanOrEqual(4);
    }
  });
});
