// Chooses how this install updates (self, notify-only, not at all) and builds the engine for
// it: electron-updater for the macOS zip, Windows NSIS and AppImage; the release feed read
// through Electron's net (system proxy settings apply) for deb and tar.gz. Electron's objects
// are passed in, so this runs under test with stand-ins typed against electron.d.ts.
import { ENGLISH, type MainText } from '../../core/text';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { App, MessageBoxOptions, MessageBoxReturnValue, Net } from 'electron';
import { parsePublishConfig } from '../../core/update/feed';
import { createFeedEngine } from '../../core/update/feed-engine';
import type { RestartAnswer, UpdateEngine } from '../../core/update/update-controller';
import { packageKindOf, updateModeFor, type UpdateMode } from '../../core/update/update-mode';
import { createUpdaterEngine, type UpdaterLike } from './updater-engine';

export interface UpdateInstall {
  app: Pick<App, 'isPackaged' | 'getVersion'>;
  resourcesPath: string;
  platform: NodeJS.Platform;
  arch: string;
  env: NodeJS.ProcessEnv;
  net: Pick<Net, 'fetch'>;
  /** electron-updater's updater for this system, loaded only where it is used. */
  loadUpdater(platform: NodeJS.Platform): Promise<UpdaterLike>;
}

async function readOptional(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return null;
  }
}

/** The mode and its engine; null engine when this install does not update (or cannot). */
export async function chooseUpdateEngine(
  install: UpdateInstall,
  log: (line: string) => void,
): Promise<{ mode: UpdateMode; engine: UpdateEngine | null }> {
  // A development run has no resources folder of its own to look in.
  if (!install.app.isPackaged) return { mode: 'off', engine: null };
  const kind = packageKindOf({
    platform: install.platform,
    packaged: install.app.isPackaged,
    appImage: install.env['APPIMAGE'],
    packageType: await readOptional(join(install.resourcesPath, 'package-type')),
  });
  const mode = updateModeFor(kind);
  if (mode === 'off') return { mode, engine: null };
  const currentVersion = install.app.getVersion();
  try {
    if (mode === 'self') {
      return {
        mode,
        engine: createUpdaterEngine(await install.loadUpdater(install.platform), currentVersion),
      };
    }
    const yml = await readFile(join(install.resourcesPath, 'app-update.yml'), 'utf8');
    const engine = createFeedEngine({
      config: parsePublishConfig(yml),
      currentVersion,
      platform: install.platform,
      arch: install.arch,
      fetch: (url, init) => install.net.fetch(url, init),
    });
    return { mode, engine };
  } catch (error) {
    log(`Updates are off for this ${kind} install: ${(error as Error).message}`);
    return { mode: 'off', engine: null };
  }
}

/** Asks whether a restart may stop the video downloads in progress. */
export async function askRestartDuringDownloads(
  dialog: { showMessageBox(options: MessageBoxOptions): Promise<MessageBoxReturnValue> },
  count: number,
  text: MainText = ENGLISH,
): Promise<RestartAnswer> {
  const t = text.t.update;
  const { response } = await dialog.showMessageBox({
    type: 'question',
    buttons: [t.restartWhenDone, t.restartNow, t.cancel],
    defaultId: 0,
    cancelId: 2,
    message: text.fmt.plural(count, t.askDownloading),
    detail: t.askDetail,
  });
  return (['wait', 'now', 'cancel'] as const)[response] ?? 'cancel';
}
