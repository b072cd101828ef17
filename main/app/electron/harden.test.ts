import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { hardenWebContents } from './harden';

describe('hardenWebContents', () => {
  it('locks a webContents once, however often it is asked', () => {
    // 'web-contents-created' and the popover both harden the popover's contents.
    const contents = Object.assign(new EventEmitter(), {
      openHandlers: 0,
      setWindowOpenHandler() {
        this.openHandlers++;
      },
    });
    const target = contents as unknown as Parameters<typeof hardenWebContents>[0];
    hardenWebContents(target);
    hardenWebContents(target);
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.listenerCount('will-redirect')).toBe(1);
    expect(contents.listenerCount('will-attach-webview')).toBe(1);
    expect(contents.openHandlers).toBe(1);
  });
});
