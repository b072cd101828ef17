import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

const made = vi.hoisted(() => ({ trays: [] as unknown[] }));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  class Tray extends EventEmitter {
    tooltip = '';
    contextMenu: unknown = null;
    poppedUp: unknown = null;
    bounds = { x: 0, y: 0, width: 0, height: 0 };
    constructor(readonly icon: unknown) {
      super();
      made.trays.push(this);
    }
    setToolTip(text: string) {
      this.tooltip = text;
    }
    setContextMenu(menu: unknown) {
      this.contextMenu = menu;
    }
    popUpContextMenu(menu: unknown) {
      this.poppedUp = menu;
    }
    getBounds() {
      return this.bounds;
    }
    image: unknown = null;
    title: string | null = null;
    setImage(image: unknown) {
      this.image = image;
    }
    setTitle(title: string) {
      this.title = title;
    }
  }
  // Menus are kept as their templates so the test can read labels and click items.
  const Menu = {
    buildFromTemplate: (template: MenuItemConstructorOptions[]) => ({ template }),
  };
  return { Tray, Menu, default: { Tray, Menu } };
});

const { createAppTray } = await import('./tray');

interface FakeTray {
  tooltip: string;
  image: unknown;
  title: string | null;
  contextMenu: { template: MenuItemConstructorOptions[] } | null;
  poppedUp: { template: MenuItemConstructorOptions[] } | null;
  bounds: { x: number; y: number; width: number; height: number };
  emit(event: string, ...args: unknown[]): boolean;
}

function setup(platform: NodeJS.Platform) {
  const calls: string[] = [];
  const toggles: unknown[] = [];
  const tray = createAppTray({
    icon: '/icons/tray.png',
    tooltip: 'Pika Tray',
    platform,
    onToggle: (b) => toggles.push(b),
    actions: {
      open: () => calls.push('open'),
      togglePolling: () => calls.push('togglePolling'),
      openDownloads: () => calls.push('openDownloads'),
      openSettings: () => calls.push('openSettings'),
      quit: () => calls.push('quit'),
      update: (id) => calls.push(id),
    },
  });
  return { tray, fake: made.trays.at(-1) as FakeTray, calls, toggles };
}

const click = (item: MenuItemConstructorOptions | undefined) =>
  (item?.click as (() => void) | undefined)?.();

describe('tray', () => {
  it('offers Open, Pause/Resume, Open downloads folder, Settings and Quit', () => {
    const { fake, calls, tray } = setup('linux');
    const items = fake.contextMenu!.template.filter((i) => i.type !== 'separator');
    expect(items.map((i) => i.label)).toEqual([
      'Open Pika Tray',
      'Pause checking',
      'Open downloads folder',
      'Settings…',
      'Quit Pika Tray',
    ]);
    items.forEach(click);
    expect(calls).toEqual(['open', 'togglePolling', 'openDownloads', 'openSettings', 'quit']);
    const before = fake.contextMenu;
    tray.setPaused(false);
    expect(fake.contextMenu).toBe(before); // unchanged state: the open menu is left alone
    tray.setPaused(true);
    expect(fake.contextMenu!.template.find((i) => i.id === 'polling')?.label).toBe(
      'Resume checking',
    );
    tray.setPaused(false);
    expect(fake.contextMenu!.template.find((i) => i.id === 'polling')?.label).toBe(
      'Pause checking',
    );
  });

  it('shows the update items it is given after Settings, and routes their clicks by id', () => {
    const { fake, calls, tray } = setup('linux');
    tray.setUpdateEntries([{ id: 'update-check', label: 'Check for updates…', enabled: true }]);
    const labels = () =>
      fake.contextMenu!.template.filter((i) => i.type !== 'separator').map((i) => i.label);
    expect(labels()).toEqual([
      'Open Pika Tray',
      'Pause checking',
      'Open downloads folder',
      'Settings…',
      'Check for updates…',
      'Quit Pika Tray',
    ]);
    click(fake.contextMenu!.template.find((i) => i.id === 'update-check'));
    const before = fake.contextMenu;
    tray.setUpdateEntries([{ id: 'update-check', label: 'Check for updates…', enabled: true }]);
    expect(fake.contextMenu).toBe(before);
    tray.setUpdateEntries([
      { id: 'update-restart', label: 'Restart to update to 1.2.0', enabled: true },
    ]);
    expect(labels()).toContain('Restart to update to 1.2.0');
    expect(labels()).not.toContain('Check for updates…');
    click(fake.contextMenu!.template.find((i) => i.id === 'update-restart'));
    expect(calls).toEqual(['update-check', 'update-restart']);
    // Paused state and update items survive each other's rebuilds.
    tray.setPaused(true);
    expect(labels()).toEqual(
      expect.arrayContaining(['Resume checking', 'Restart to update to 1.2.0']),
    );
  });

  it('toggles on click with the click bounds, or none when the tray reports none', () => {
    const { fake, toggles } = setup('win32');
    fake.emit('click', {}, { x: 1700, y: 1045, width: 24, height: 30 });
    fake.emit('click', {}, { x: 0, y: 0, width: 0, height: 0 });
    expect(toggles).toEqual([{ x: 1700, y: 1045, width: 24, height: 30 }, null]);
  });

  it('on macOS keeps left click for the popover and shows the menu on right click', () => {
    const { fake, toggles } = setup('darwin');
    expect(fake.contextMenu).toBeNull();
    fake.emit('right-click');
    expect(fake.poppedUp?.template[0]?.label).toBe('Open Pika Tray');
    fake.bounds = { x: 1000, y: 0, width: 22, height: 22 };
    fake.emit('click', {}, undefined);
    expect(toggles).toEqual([{ x: 1000, y: 0, width: 22, height: 22 }]);
  });

  it('shows the state it is given: image, tooltip, and on macOS the unseen count as a title', () => {
    const mac = setup('darwin');
    mac.tray.setImage('/build/tray/unseenTemplate.png');
    mac.tray.setToolTip('2 new videos ready');
    mac.tray.setBadge(2);
    expect(mac.fake).toMatchObject({
      image: '/build/tray/unseenTemplate.png',
      tooltip: '2 new videos ready',
      title: '2',
    });
    mac.tray.setBadge(0);
    expect(mac.fake.title).toBe('');
    // Elsewhere a title would be drawn as text beside the icon (or not at all): none is set.
    const linux = setup('linux');
    linux.tray.setBadge(3);
    expect(linux.fake.title).toBeNull();
  });
});

describe('tray credit line', () => {
  it('shows the credit under Open once known, opens Settings on click, and leaves when hidden', () => {
    const { fake, calls, tray } = setup('linux');
    expect(fake.contextMenu!.template.find((i) => i.id === 'credit')).toBeUndefined();
    tray.setCredit('Credit: $3.61');
    const labels = fake.contextMenu!.template.map((i) => i.label ?? i.type);
    expect(labels.slice(0, 2)).toEqual(['Open Pika Tray', 'Credit: $3.61']);
    click(fake.contextMenu!.template.find((i) => i.id === 'credit'));
    expect(calls).toEqual(['openSettings']);
    const before = fake.contextMenu;
    tray.setCredit('Credit: $3.61');
    expect(fake.contextMenu).toBe(before);
    // The pause label and the credit line live together.
    tray.setPaused(true);
    expect(fake.contextMenu!.template.find((i) => i.id === 'credit')?.label).toBe('Credit: $3.61');
    tray.setCredit(null);
    expect(fake.contextMenu!.template.find((i) => i.id === 'credit')).toBeUndefined();
  });
});
