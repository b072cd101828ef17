// Launch at login on Linux and other XDG desktops: a desktop entry in
// $XDG_CONFIG_HOME/autostart (https://specifications.freedesktop.org/autostart-spec/).
// Electron's setLoginItemSettings does nothing there, so the entry is written by hand.
// No Electron import: this runs in plain Node tests.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { LINUX_APP_NAME, PRODUCT_NAME } from '../../core/app-id';

export const AUTOSTART_FILE_NAME = `${LINUX_APP_NAME}.desktop`;

export interface AutostartTarget {
  /** Defaults to process.env; reads XDG_CONFIG_HOME, HOME and APPIMAGE. */
  env?: NodeJS.ProcessEnv;
  /** Defaults to process.execPath. */
  execPath?: string;
  /** Defaults to os.homedir(). */
  homeDir?: string;
}

/** The autostart folder: $XDG_CONFIG_HOME/autostart, or ~/.config/autostart. */
export function autostartDir(target: AutostartTarget = {}): string {
  const env = target.env ?? process.env;
  const configHome = env.XDG_CONFIG_HOME;
  // The base-directory spec says relative values are invalid and must be ignored.
  if (configHome && path.isAbsolute(configHome)) return path.join(configHome, 'autostart');
  const home = target.homeDir ?? env.HOME ?? os.homedir();
  return path.join(home, '.config', 'autostart');
}

export function autostartFilePath(target: AutostartTarget = {}): string {
  return path.join(autostartDir(target), AUTOSTART_FILE_NAME);
}

/**
 * What to run at login. Inside an AppImage, process.execPath points into a temporary mount
 * that is gone after the app quits; the AppImage runtime exports the real file as APPIMAGE.
 */
export function launchExecutable(target: AutostartTarget = {}): string {
  const env = target.env ?? process.env;
  const appImage = env.APPIMAGE;
  if (appImage && path.isAbsolute(appImage)) return appImage;
  return target.execPath ?? process.execPath;
}

// Desktop Entry spec, "The Exec key": arguments holding reserved characters are quoted, and
// inside quotes ", `, $ and \ are backslash-escaped. A literal % is written %%.
const RESERVED = /[\s"'\\><~|&;$*?#()`]/;

export function quoteExecArg(arg: string): string {
  if (/[\n\r]/.test(arg)) throw new Error('A launch argument cannot contain a line break');
  if (arg === '') return '""';
  const escapedPercent = arg.replace(/%/g, '%%');
  if (!RESERVED.test(arg)) return escapedPercent;
  return `"${escapedPercent.replace(/(["`$\\])/g, '\\$1')}"`;
}

/** Exec is a `string` value, so the quoting backslashes themselves are escaped once more. */
function execValue(argv: readonly string[]): string {
  return argv.map(quoteExecArg).join(' ').replace(/\\/g, '\\\\');
}

/** Plain string values: escape per the spec so nothing can inject another key. */
function stringValue(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t');
}

export interface AutostartEntry {
  executable: string;
  args: readonly string[];
}

export function buildAutostartEntry({ executable, args }: AutostartEntry): string {
  if (!path.isAbsolute(executable)) {
    throw new Error(`The login launcher must be an absolute path, got "${executable}"`);
  }
  const lines = [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    `Name=${stringValue(PRODUCT_NAME)}`,
    'Comment=Start Pika Tray in the system tray when you log in',
    // Desktop entries carry their own translations: the session's startup list shows this one.
    'Comment[zh_CN]=登录时在系统托盘中启动 Pika Tray',
    `Exec=${execValue([executable, ...args])}`,
    `Icon=${LINUX_APP_NAME}`,
    'Terminal=false',
    'StartupNotify=false',
    `StartupWMClass=${LINUX_APP_NAME}`,
    'X-GNOME-Autostart-enabled=true',
  ];
  return `${lines.join('\n')}\n`;
}

/** Writes (or replaces) the autostart entry atomically; returns its path. */
export async function writeAutostartEntry(
  args: readonly string[],
  target: AutostartTarget = {},
): Promise<string> {
  const file = autostartFilePath(target);
  const content = buildAutostartEntry({ executable: launchExecutable(target), args });
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(tmp, content, { mode: 0o644 });
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  return file;
}

/** Removes the entry; returns whether there was one. */
export async function removeAutostartEntry(target: AutostartTarget = {}): Promise<boolean> {
  const file = autostartFilePath(target);
  try {
    await rm(file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
}

/**
 * Whether the session will start the app: the entry exists and neither Hidden=true nor
 * X-GNOME-Autostart-enabled=false (what desktop settings panels write to turn it off).
 */
export async function isAutostartEnabled(target: AutostartTarget = {}): Promise<boolean> {
  let text: string;
  try {
    text = await readFile(autostartFilePath(target), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
  const keys = new Map<string, string>();
  let inMainGroup = false;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('[')) inMainGroup = line === '[Desktop Entry]';
    else if (inMainGroup && line.includes('=') && !line.startsWith('#')) {
      const at = line.indexOf('=');
      keys.set(line.slice(0, at).trim(), line.slice(at + 1).trim());
    }
  }
  if (!keys.has('Exec')) return false;
  if (keys.get('Hidden') === 'true') return false;
  return keys.get('X-GNOME-Autostart-enabled') !== 'false';
}
