import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const seen = vi.hoisted(() => ({
  calls: [] as unknown[][],
  answer: { canceled: false, filePaths: ['/picked'] },
  response: 0,
}));

vi.mock('electron', () => {
  const dialog = {
    showOpenDialog: async (...args: unknown[]) => {
      seen.calls.push(['showOpenDialog', ...args]);
      return seen.answer;
    },
    showMessageBox: async (...args: unknown[]) => {
      seen.calls.push(['showMessageBox', ...args]);
      return { response: seen.response, checkboxChecked: false };
    },
  };
  const shell = {
    openPath: async (path: string) => (seen.calls.push(['openPath', path]), ''),
    openExternal: async (url: string) => void seen.calls.push(['openExternal', url]),
    showItemInFolder: (path: string) => void seen.calls.push(['showItemInFolder', path]),
  } satisfies Partial<Electron.Shell>;
  const clipboard = {
    writeText: (text: string) => void seen.calls.push(['writeText', text]),
  } satisfies Partial<Electron.Clipboard>;
  return { dialog, shell, clipboard, default: { dialog, shell, clipboard } };
});

const { electronDialog, electronShell, electronClipboard, openFolder } = await import('./ports');
const dir = mkdtempSync(join(tmpdir(), 'pika-ports-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Electron ports', () => {
  it('asks for a folder starting at the current one, keeping the popover open meanwhile', async () => {
    const held: string[] = [];
    const port = electronDialog(
      () => null,
      async (work) => {
        held.push('hold');
        const result = await work();
        held.push('release');
        return result;
      },
    );
    expect(await port.chooseFolder('/home/me/Videos/Pika')).toBe('/picked');
    expect(held).toEqual(['hold', 'release']);
    expect(seen.calls.at(-1)).toEqual([
      'showOpenDialog',
      expect.objectContaining({
        defaultPath: '/home/me/Videos/Pika',
        properties: expect.arrayContaining(['openDirectory']),
      }),
    ]);
    seen.answer = { canceled: true, filePaths: [] };
    expect(await port.chooseFolder('/x')).toBeNull();
  });

  it('asks before the token goes to a new origin; only the explicit button says yes', async () => {
    const port = electronDialog(() => null);
    seen.response = 0;
    expect(await port.confirmTokenOrigin('https://api.gpt.ge', 'https://evil.example')).toBe(false);
    const options = seen.calls.at(-1)![1] as Electron.MessageBoxOptions;
    expect(options).toMatchObject({ defaultId: 0, cancelId: 0 });
    expect(options.message).toContain('https://evil.example');
    expect(options.detail).toContain('https://api.gpt.ge');
    expect(options.buttons![1]).toContain('https://evil.example');
    seen.response = 1;
    expect(await port.confirmTokenOrigin(null, 'https://gw.example.com')).toBe(true);
  });

  it('passes shell and clipboard calls through, and creates the folder before opening it', async () => {
    await electronShell.openExternal('https://pika.art');
    electronShell.showItemInFolder('/a.mp4');
    electronClipboard.writeText('id-1');
    const folder = join(dir, 'Videos', 'Pika');
    expect(await openFolder(folder)).toBe('');
    expect(existsSync(folder)).toBe(true);
    expect(seen.calls.slice(-4)).toEqual([
      ['openExternal', 'https://pika.art'],
      ['showItemInFolder', '/a.mp4'],
      ['writeText', 'id-1'],
      ['openPath', folder],
    ]);
  });
});
