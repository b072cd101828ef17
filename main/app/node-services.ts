// The real services in plain Node, for tests and the end-to-end harness: the real tracker,
// client, settings (over conf, in `storeDir`) and token vault; only Electron's own objects
// (shell, clipboard, dialog, window) are stand-ins, and they record what they were asked.
import { mkdirSync } from 'node:fs';
import Conf from 'conf';
import { defaultSettings, type Settings } from '../core/settings';
import { createConfTaskStore } from '../core/tasks/storage';
import type { PollSettings } from '../core/tasks/tracker-types';
import type { TokenProtection } from '../../preload/contract';
import { composeApp, type ComposedApp, type PlatformPorts } from './compose';
import { createInvokeHandlers } from './handlers';
import type { InvokeHandlers } from './ipc/handler-types';
import type {
  AppServices,
  ClipboardPort,
  DialogPort,
  LoginItemPort,
  ShellPort,
  WindowPort,
} from './services';
import { confSettingsStorage } from './settings/settings-port';
import { memoryCipher, memorySecretStorage } from './token/token-vault';
import { createNavigationMailbox, type NavigationMailbox } from './window/navigation-mailbox';

/** Everything the stand-ins were asked to do, in order. */
export interface RecordedCall {
  port: 'shell' | 'clipboard' | 'dialog' | 'window' | 'loginItem';
  method: string;
  arg?: string;
}

export interface NodeServicesOptions {
  /** Folder for settings.json and tasks.json (created if missing). */
  storeDir: string;
  downloadDir: string;
  baseUrl?: string;
  /** Saved as if typed into Settings (validated the same way). */
  token?: string;
  settings?: Partial<Settings>;
  /** How the stand-in vault reports its protection. Default 'os'. */
  tokenProtection?: TokenProtection;
  /** What the folder dialog answers. Default: cancelled (null). */
  chooseFolder?: (current: string) => string | null;
  /** What the user answers when asked to send the token to a new origin. Default: no. */
  confirmTokenOrigin?: (from: string | null, to: string) => boolean;
  shell?: Partial<ShellPort>;
  pollOverrides?: Partial<PollSettings>;
  clientTimeoutMs?: number;
  isOnline?: () => boolean;
  /** How often connectivity is re-checked while offline. */
  onlineRecheckMs?: number;
  /** What the OS reports after launch at login is set. Default: what was asked. */
  loginItemAnswer?: (enabled: boolean) => boolean;
  downloads?: PlatformPorts['downloads'];
  downloadTuning?: PlatformPorts['downloadTuning'];
  /** Where app:take-navigation reads from. Default: a mailbox nothing delivers to. */
  navigation?: NavigationMailbox;
  /** Stands in for Chromium's proxy resolver (Settings -> Network -> System proxy). */
  resolveProxy?: PlatformPorts['resolveProxy'];
  /** Passed to every HTTP layer (a CA made in the test). */
  httpOptions?: PlatformPorts['httpOptions'];
  /** The OS's preferred languages, as Electron would report them. Default: ['en-US']. */
  preferredLanguages?: readonly string[];
}

export interface NodeServices extends ComposedApp {
  handlers: InvokeHandlers;
  calls: RecordedCall[];
}

export function createNodeServices(options: NodeServicesOptions): NodeServices {
  mkdirSync(options.storeDir, { recursive: true });
  const calls: RecordedCall[] = [];
  const record = (port: RecordedCall['port'], method: string, arg?: string): void => {
    calls.push(arg === undefined ? { port, method } : { port, method, arg });
  };
  const shell: ShellPort = {
    openExternal: async (url) => record('shell', 'openExternal', url),
    openPath: async (path) => {
      record('shell', 'openPath', path);
      return '';
    },
    showItemInFolder: (path) => record('shell', 'showItemInFolder', path),
    ...options.shell,
  };
  const clipboard: ClipboardPort = { writeText: (text) => record('clipboard', 'writeText', text) };
  const dialog: DialogPort = {
    chooseFolder: async (current) => {
      record('dialog', 'chooseFolder', current);
      return options.chooseFolder ? options.chooseFolder(current) : null;
    },
    confirmTokenOrigin: async (from, to) => {
      record('dialog', 'confirmTokenOrigin', `${from ?? 'none'} -> ${to}`);
      return options.confirmTokenOrigin ? options.confirmTokenOrigin(from, to) : false;
    },
  };
  const navigation = options.navigation ?? createNavigationMailbox({ send: () => {} });
  const window: WindowPort = {
    hide: () => record('window', 'hide'),
    takeNavigation: () => navigation.take(),
  };
  const loginItem: LoginItemPort = {
    set: async (enabled) => {
      record('loginItem', 'set', String(enabled));
      return options.loginItemAnswer ? options.loginItemAnswer(enabled) : enabled;
    },
  };
  const conf = new Conf<Record<string, unknown>>({
    cwd: options.storeDir,
    configName: 'settings',
    projectName: 'pika-tray',
  });

  const composed = composeApp({
    settingsStorage: confSettingsStorage(conf),
    rateStore: conf,
    defaults: defaultSettings(options.downloadDir),
    secretStorage: memorySecretStorage(),
    cipher: memoryCipher(options.tokenProtection ?? 'os'),
    taskStore: createConfTaskStore(options.storeDir),
    shell,
    clipboard,
    dialog,
    window,
    loginItem,
    isOnline: options.isOnline ?? (() => true),
    ...(options.onlineRecheckMs !== undefined ? { onlineRecheckMs: options.onlineRecheckMs } : {}),
    ...(options.downloads ? { downloads: options.downloads } : {}),
    ...(options.downloadTuning ? { downloadTuning: options.downloadTuning } : {}),
    ...(options.pollOverrides ? { pollOverrides: options.pollOverrides } : {}),
    ...(options.clientTimeoutMs !== undefined ? { clientTimeoutMs: options.clientTimeoutMs } : {}),
    ...(options.resolveProxy ? { resolveProxy: options.resolveProxy } : {}),
    ...(options.httpOptions ? { httpOptions: options.httpOptions } : {}),
    preferredLanguages: () => options.preferredLanguages ?? ['en-US'],
  });
  const { services } = composed;
  const patch: Partial<Settings> = { downloadDir: options.downloadDir, ...options.settings };
  if (options.baseUrl !== undefined) patch.baseUrl = options.baseUrl;
  services.settings.update(patch);
  const handlers = createInvokeHandlers(services);
  if (options.token !== undefined) void handlers['token:set'](options.token);
  return { ...composed, handlers, calls };
}

export type { AppServices };
