import { describe, expect, it, vi } from 'vitest';

const shown = vi.hoisted(() => ({
  list: [] as {
    options: Electron.NotificationConstructorOptions;
    emit(e: string, ...a: unknown[]): boolean;
  }[],
  supported: true,
}));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  class Notification extends EventEmitter {
    static isSupported = () => shown.supported;
    constructor(readonly options: Electron.NotificationConstructorOptions) {
      super();
    }
    show() {
      shown.list.push(this);
    }
  }
  const nativeImage = {
    createFromPath: (path: string) => ({
      isEmpty: () => path !== '/icon.png' && path !== '/poster.img',
      resize: (size: Electron.ResizeOptions) => ({ isEmpty: () => false, path, size }),
    }),
    createFromDataURL: (url: string) => ({ isEmpty: () => false, url }),
  };
  return { Notification, nativeImage, default: { Notification, nativeImage } };
});

const { electronNotifier } = await import('./notifier');
const { dragIcon } = await import('./drag-icon');

describe('Electron notifier', () => {
  it('shows title and body with the app icon, and runs the click action', () => {
    const clicks: string[] = [];
    electronNotifier({ icon: '/icon.png' }).show(
      { title: 'Video ready', body: 'a cat surfing', taskId: 't1', kind: 'finished' },
      () => clicks.push('t1'),
    );
    expect(shown.list).toHaveLength(1);
    expect(shown.list[0]!.options).toEqual({
      title: 'Video ready',
      body: 'a cat surfing',
      icon: '/icon.png',
    });
    shown.list[0]!.emit('click');
    expect(clicks).toEqual(['t1']);
  });

  it('escapes body markup on Linux only, so a prompt cannot render links or images', () => {
    const body = '“<a href="https://evil.example">win</a> <img src="x"> & co”';
    electronNotifier({ platform: 'linux' }).show(
      { title: 'Video ready', body, taskId: 't1', kind: 'finished' },
      () => {},
    );
    expect(shown.list.at(-1)!.options.body).toBe(
      '“&lt;a href="https://evil.example"&gt;win&lt;/a&gt; &lt;img src="x"&gt; &amp; co”',
    );
    electronNotifier({ platform: 'darwin' }).show(
      { title: 'Video ready', body, taskId: 't1', kind: 'finished' },
      () => {},
    );
    expect(shown.list.at(-1)!.options.body).toBe(body);
  });

  it('says so when the system has no notifications', () => {
    shown.supported = false;
    const logs: string[] = [];
    electronNotifier({ log: (m) => logs.push(m) }).show(
      { title: 'x', body: 'y', taskId: null, kind: 'summary' },
      () => {},
    );
    expect(logs).toEqual(['Notifications are not supported on this system.']);
    shown.supported = true;
  });
});

describe('drag icon', () => {
  it('uses the cached poster, keeping its aspect ratio', () => {
    expect(dragIcon({ poster: '/poster.img', appIcon: '/icon.png' })).toMatchObject({
      path: '/poster.img',
      size: { width: 128, quality: 'good' },
    });
    expect(dragIcon({ poster: '/poster.img', appIcon: '/icon.png' })).not.toHaveProperty(
      'size.height',
    );
  });

  it('falls back to the app icon when there is no poster or it cannot be read', () => {
    for (const poster of [null, '/broken.img']) {
      expect(dragIcon({ poster, appIcon: '/icon.png' })).toMatchObject({
        path: '/icon.png',
        size: { width: 64, height: 64 },
      });
    }
  });

  it('uses a built-in image when neither can be read — never an empty one', () => {
    const fallback = dragIcon({ poster: null, appIcon: '/missing.png' }) as unknown as {
      url: string;
      isEmpty(): boolean;
    };
    expect(fallback.isEmpty()).toBe(false);
    expect(fallback.url).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
    const png = Buffer.from(fallback.url.split(',')[1]!, 'base64');
    expect(png.readUInt32BE(16)).toBe(16); // a real 16x16 PNG
  });
});
