import { describe, expect, it, vi } from 'vitest';

// The tests hand their own Menu; the module's default must not be reached.
vi.mock('electron', () => ({ Menu: {}, default: { Menu: {} } }));
const { applyAppMenu, appMenuTemplate } = await import('./app-menu');

function recordingMenu() {
  const set: unknown[] = [];
  return {
    set,
    menu: {
      buildFromTemplate: (template: Electron.MenuItemConstructorOptions[]) =>
        ({ template }) as unknown as Electron.Menu,
      setApplicationMenu: (menu: Electron.Menu | null) => void set.push(menu),
    },
  };
}

describe('application menu', () => {
  it('Windows and Linux get none: no menu bar, no Ctrl+W that would close the window', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const { set, menu } = recordingMenu();
      applyAppMenu(menu, platform);
      expect(set).toEqual([null]);
    }
  });

  it('macOS gets the app menu and the Edit roles, so Cmd+C / Cmd+V work in the token field', () => {
    const { set, menu } = recordingMenu();
    applyAppMenu(menu, 'darwin');
    expect(set).toEqual([{ template: [{ role: 'appMenu' }, { role: 'editMenu' }] }]);
    // No window menu: its Cmd+W would close the popover (the window hides on Cmd+W instead).
    expect(JSON.stringify(appMenuTemplate('darwin'))).not.toMatch(/windowMenu|close/);
  });
});
