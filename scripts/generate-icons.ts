// Renders every app and tray icon from the SVG sources in build/ (see scripts/icons/outputs.ts
// for the list). Run with `npm run icons`; `npm run dist` runs it before packaging. The
// outputs are committed too, so `npm start` works without running this first.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import pngToIco from 'png-to-ico';
import { ICNS_TYPES, buildIcns } from './icons/icns';
import type { IcnsType } from './icons/icns';
import { APP_ICON_SOURCE, ICON_OUTPUTS, traySource } from './icons/outputs';
import { paintTraySvg } from './icons/tray-palette';

export { ICON_OUTPUTS } from './icons/outputs';
export type { IconOutput } from './icons/outputs';

function renderPng(svg: string, size: number): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: size },
    background: 'rgba(0,0,0,0)',
    font: { loadSystemFonts: false },
  });
  const image = resvg.render();
  if (image.width !== size || image.height !== size) {
    throw new Error(`Rendered ${image.width}x${image.height}, wanted ${size}x${size}`);
  }
  return image.asPng();
}

// Write-then-rename so an interrupted run never leaves a half-written icon behind.
async function writeAtomic(file: string, data: Buffer): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}

/** Generates every file in ICON_OUTPUTS under `root`; returns the files written. */
export async function generateIcons(root: string): Promise<string[]> {
  const appSvg = await readFile(path.join(root, APP_ICON_SOURCE), 'utf8');
  const appPng = new Map<number, Buffer>();
  const app = (size: number): Buffer => {
    let png = appPng.get(size);
    if (!png) {
      png = renderPng(appSvg, size);
      appPng.set(size, png);
    }
    return png;
  };
  const traySvgs = new Map<string, string>();
  const written: string[] = [];

  for (const out of ICON_OUTPUTS) {
    let data: Buffer;
    switch (out.kind) {
      case 'png':
        data = app(out.size);
        break;
      case 'ico':
        data = await pngToIco(out.sizes.map(app));
        break;
      case 'icns':
        data = buildIcns(
          (Object.keys(ICNS_TYPES) as IcnsType[]).map((type) => ({
            type,
            png: app(ICNS_TYPES[type]),
          })),
        );
        break;
      case 'tray': {
        const source = traySource(out.state);
        let svg = traySvgs.get(source);
        if (svg === undefined) {
          svg = await readFile(path.join(root, source), 'utf8');
          traySvgs.set(source, svg);
        }
        data = renderPng(paintTraySvg(svg, out.variant), out.size);
        break;
      }
    }
    await writeAtomic(path.join(root, out.file), data);
    written.push(out.file);
  }
  return written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  generateIcons(root).then(
    (files) => console.log(`Generated ${files.length} icon files under ${root}/build`),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exitCode = 1;
    },
  );
}
