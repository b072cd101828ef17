// trayIconPath finds the committed images in development and resources/tray when packaged
// (the packaged side is checked against a real pack in asar-contents.test.ts).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  TRAY_STATES,
  TRAY_VARIANTS,
  defaultTrayVariant,
  trayIconPath,
} from '../../main/core/tray-icons';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('trayIconPath', () => {
  it('resolves every state and variant to a committed image (and its @2x) in development', () => {
    for (const state of TRAY_STATES) {
      for (const variant of TRAY_VARIANTS) {
        const file = trayIconPath(state, variant, '/no/resources', false, ROOT);
        expect(file.startsWith(path.join(ROOT, 'build', 'tray'))).toBe(true);
        expect(existsSync(file), file).toBe(true);
        expect(existsSync(file.replace(/\.png$/, '@2x.png')), file).toBe(true);
      }
    }
  });

  it('uses resources/tray when packaged, with macOS template naming', () => {
    expect(trayIconPath('unseen', 'template', '/app/resources', true, ROOT)).toBe(
      '/app/resources/tray/unseenTemplate.png',
    );
    expect(trayIconPath('error', 'light', '/app/resources', true, ROOT)).toBe(
      '/app/resources/tray/error-light.png',
    );
    expect(trayIconPath('idle', 'color', '/app/resources', true, ROOT)).toBe(
      '/app/resources/tray/idle.png',
    );
  });

  it('picks template on macOS, the white glyph on dark Linux panels, colour otherwise', () => {
    expect(defaultTrayVariant('darwin', true)).toBe('template');
    expect(defaultTrayVariant('darwin', false)).toBe('template');
    expect(defaultTrayVariant('linux', true)).toBe('light');
    expect(defaultTrayVariant('linux', false)).toBe('color');
    expect(defaultTrayVariant('win32', true)).toBe('color');
  });
});
