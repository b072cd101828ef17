// Settings -> Language over the real services: the view carries the locale main resolved
// (from the OS's preferred languages for 'system'), and a change applies at once.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invokeSchemas } from '../ipc/schemas';
import { createNodeServices, type NodeServices } from '../node-services';

let dir: string;
let app: NodeServices | null = null;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pika-lang-'));
});
afterEach(async () => {
  await app?.close();
  app = null;
  await rm(dir, { recursive: true, force: true });
});

function start(preferredLanguages?: readonly string[]): NodeServices {
  app = createNodeServices({
    storeDir: join(dir, 'store'),
    downloadDir: join(dir, 'Pika'),
    baseUrl: 'http://127.0.0.1:9',
    ...(preferredLanguages ? { preferredLanguages } : {}),
  });
  return app;
}

describe('language setting', () => {
  it('defaults to system and English when the OS prefers nothing else', async () => {
    const view = await start().handlers['settings:get']();
    expect(view.settings.language).toBe('system');
    expect(view.locale).toBe('en');
  });

  it('follows the OS for system, and a fixed choice at once', async () => {
    const { handlers } = start(['zh-CN', 'en-US']);
    expect((await handlers['settings:get']()).locale).toBe('zh-Hans');
    const en = await handlers['settings:update']({ language: 'en' });
    expect(en.settings.language).toBe('en');
    expect(en.locale).toBe('en');
    const back = await handlers['settings:update']({ language: 'system' });
    expect(back.locale).toBe('zh-Hans');
  });

  it('refuses a language that has no catalog', async () => {
    const { handlers } = start();
    await expect(
      handlers['settings:update']({ language: 'fr' as unknown as 'en' }),
    ).rejects.toThrow(/language/);
    expect(invokeSchemas['settings:update'].safeParse([{ language: 'zh-TW' }]).success).toBe(false);
    expect(invokeSchemas['settings:update'].safeParse([{ language: 'zh-Hans' }]).success).toBe(
      true,
    );
  });
});
