// Every file the icon generator writes, with its pixel size, so the generator and the tests
// agree on one list. Paths are relative to the project root.
import { TRAY_STATES, TRAY_VARIANTS, trayIconFileName } from '../../main/core/tray-icons';
import type { TrayState, TrayVariant } from '../../main/core/tray-icons';

/** Linux icon set sizes (electron-builder reads build/icons/<n>x<n>.png). */
export const LINUX_ICON_SIZES = [16, 32, 48, 64, 128, 256, 512, 1024] as const;
/** Sizes embedded in build/icon.ico (Windows shell uses 16..256). */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;
/** Tray images are drawn on a 16 px grid; @2x is 32 px. */
export const TRAY_SIZE = 16;

export type IconOutput =
  | { kind: 'png'; file: string; size: number }
  | { kind: 'ico'; file: string; sizes: readonly number[] }
  | { kind: 'icns'; file: string }
  | {
      kind: 'tray';
      file: string;
      size: number;
      state: TrayState;
      variant: TrayVariant;
      scale: 1 | 2;
    };

export const APP_ICON_SOURCE = 'build/icon.svg';
export const traySource = (state: TrayState): string => `build/tray/${state}.svg`;

export const ICON_OUTPUTS: readonly IconOutput[] = [
  { kind: 'png', file: 'build/icon.png', size: 1024 },
  ...LINUX_ICON_SIZES.map((size): IconOutput => ({
    kind: 'png',
    file: `build/icons/${size}x${size}.png`,
    size,
  })),
  { kind: 'ico', file: 'build/icon.ico', sizes: ICO_SIZES },
  { kind: 'icns', file: 'build/icon.icns' },
  ...TRAY_STATES.flatMap((state) =>
    TRAY_VARIANTS.flatMap((variant) =>
      ([1, 2] as const).map((scale): IconOutput => ({
        kind: 'tray',
        file: `build/tray/${trayIconFileName(state, variant, scale)}`,
        size: TRAY_SIZE * scale,
        state,
        variant,
        scale,
      })),
    ),
  ),
];
