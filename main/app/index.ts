// The Electron main process: one instance, a tray icon, a popover window, and the services
// behind the IPC router. Everything with logic lives in Electron-free modules (compose.ts,
// handlers/, ipc/); this file only connects Electron's objects to them.
import { join, resolve } from 'node:path';
import { app, dialog, ipcMain, nativeTheme, net, powerMonitor, protocol, session } from 'electron';
import Store from 'electron-store';
import { PRODUCT_NAME, URL_SCHEME } from '../core/app-id';
import { openConfTaskStore, type ConfLike } from '../core/tasks/storage';
import { defaultTrayVariant, trayIconPath } from '../core/tray-icons';
import { composeApp, type ComposedApp, type PlatformPorts } from './compose';
import { registerIpc, type ElectronSender } from './electron/ipc';
import { electronClipboard, electronDialog, electronShell, openFolder } from './electron/ports';
import { safeStorageCipher } from './electron/safe-storage-cipher';
import { appDefaults, openSettingsStore, openVaultStorage } from './electron/settings-store';
import { createAppTray, type AppTray } from './electron/tray';
import { createPopoverWindow, type PopoverWindow } from './electron/window';
import { hardenWebContents } from './electron/harden';
import { dragIcon } from './electron/drag-icon';
import { electronNotifier } from './electron/notifier';
import { connectPowerEvents } from './electron/power';
import { connectNetworkEvents, electronResolveProxy } from './network/electron-system-proxy';
import { createDragStart } from './downloads/drag-out';
import { createPosterCache } from './downloads/poster-cache';
import { mediaAccessFor, type MediaAccess } from '../core/http/media-access';
import { appLinkInput, createExternalAdd, isAppLink, taskInputFromArgv } from './launch-args';
import { connectNotifications } from './notify/notify-wiring';
import { connectLowCredit } from './notify/credit-wiring';
import { trayLineOf } from '../core/credit/credit-text';
import { resolveLocale } from '../core/i18n';
import { mainText, type MainText } from '../core/text';
import { textOf } from '../core/text/text-error';
import { followLanguage, relabelTray } from './i18n/follow-language';
import { createTrayDriver } from './tray/tray-driver';
import { createInvokeHandlers } from './handlers';
import type { SendHandlers } from './ipc/handler-types';
import { createIpcRouter } from './ipc/router';
import { createTaskFeed, type TaskFeed } from './ipc/task-feed';
import { createSenderCheck } from './ipc/trusted-sender';
import { HIDDEN_ARG, setLaunchAtLogin, startedAtLogin } from './login-item';
import { appStatusOf } from './services';
import { creditViewFor } from './handlers/credit';
import { confSettingsStorage } from './settings/settings-port';
import { appUserModelId } from './app-identity';
import { applyAppMenu } from './electron/app-menu';
import { declareAppScheme, serveAppScheme } from './electron/app-protocol';
import { isWaylandSession } from './linux-session';
import { launchData, secondLaunchArgv } from './launch-args';
import { appRoutes, lateMediaSources } from './scheme/app-routes';
import { createRemoteMedia } from './scheme/remote-media';
import { resolveFileSync } from './downloads/resolve-file';
import { RENDERER_URL } from './scheme/app-scheme';
import { createNavigationMailbox } from './window/navigation-mailbox';
import { recordingNotifier, testHooks } from './test-hooks';
import { connectUpdates, type UpdateWiring } from './update/connect-updates';
import { askRestartDuringDownloads, chooseUpdateEngine } from './update/start-updates';
import { loadAutoUpdater } from './update/updater-engine';

const log = (message: string): void => console.log(`[${PRODUCT_NAME}] ${message}`);

interface Running {
  composed: ComposedApp;
  popover: PopoverWindow;
  tray: AppTray;
  feed: TaskFeed;
  /** Adds tasks handed in from outside (--add, pika-tray:// links). */
  addFromOutside(text: string): void;
  /** Shows the window (second launch without tasks, dock click). */
  reveal(): void;
  stop(): void;
}

let running: Running | null = null;
/** Set by 'before-quit': from then on the window may really close. */
let quitting = false;
/** What app://poster and app://video serve from, once start() has made it. */
/** The network layer app://video streams through; set by start() (Settings -> Network). */
let remoteAccess: (() => MediaAccess) | null = null;
const media = lateMediaSources(createRemoteMedia({ access: () => remoteAccess?.() }));
const hooks = testHooks(process.env, app.isPackaged);

function paths() {
  const appRoot = app.getAppPath();
  return {
    appRoot,
    preload: join(appRoot, 'dist', 'preload', 'index.cjs'),
    rendererDir: join(appRoot, 'dist', 'renderer'),
    renderer: { pageUrl: RENDERER_URL },
    appIcon: app.isPackaged
      ? join(process.resourcesPath, 'icon.png')
      : join(appRoot, 'build', 'icon.png'),
  };
}

function start(): Running {
  const where = paths();
  const popover = createPopoverWindow({
    preloadPath: where.preload,
    renderer: where.renderer,
    icon: where.appIcon,
    isDev: !app.isPackaged,
    isQuitting: () => quitting,
    placement: isWaylandSession({
      platform: process.platform,
      env: process.env,
      ozonePlatform: app.commandLine.getSwitchValue('ozone-platform'),
    })
      ? 'compositor'
      : 'anchor',
    log,
  });
  // Where main wants the window waits until the page listens (see navigation-mailbox.ts).
  const navigation = createNavigationMailbox({
    send: (to) => {
      if (popover.window.isDestroyed()) return;
      if ('taskId' in to) popover.window.webContents.send('app:focus-task', to.taskId);
      else popover.window.webContents.send('app:navigate', to.view);
    },
  });
  popover.window.webContents.on('did-start-loading', () => navigation.pageLoading());

  const settingsFile = openSettingsStore();
  if (settingsFile.recoveredFrom)
    log(`Unreadable settings were set aside at ${settingsFile.recoveredFrom}`);
  const taskStore = openConfTaskStore(
    () => new Store<Record<string, unknown>>({ name: 'tasks' }) as unknown as ConfLike,
    join(app.getPath('userData'), 'tasks.json'),
  );
  const loginArgs = app.isPackaged ? [] : [where.appRoot];
  // The words of main's own texts in the language of the moment (the dialog port is made
  // before the services that know the setting, so it reads through this).
  let words = (): MainText => mainText(resolveLocale(app.getPreferredSystemLanguages()));

  const composed = composeApp({
    settingsStorage: confSettingsStorage(
      settingsFile.store as unknown as Parameters<typeof confSettingsStorage>[0],
    ),
    rateStore: settingsFile.store as unknown as NonNullable<PlatformPorts['rateStore']>,
    defaults: appDefaults(),
    secretStorage: openVaultStorage(),
    cipher: safeStorageCipher(),
    taskStore,
    settingsRecoveredFrom: settingsFile.recoveredFrom,
    shell: electronShell,
    clipboard: electronClipboard,
    dialog: electronDialog(
      () => popover.window,
      (work) => popover.keepOpenWhile(work),
      () => words(),
    ),
    // Settings -> Language -> System follows these (any Chinese → 简体中文).
    preferredLanguages: () => app.getPreferredSystemLanguages(),
    window: { hide: () => popover.hide(), takeNavigation: () => navigation.take() },
    loginItem: {
      set: (enabled) => setLaunchAtLogin(enabled, app, process.platform, { appArgs: loginArgs }),
    },
    isOnline: () => net.isOnline(),
    // Settings -> Network -> System proxy: Chromium's resolver (OS settings, PAC, WPAD).
    resolveProxy: electronResolveProxy(() => session.defaultSession),
    log,
    onTokenUnreadable: () =>
      log('The saved token could not be decrypted (keyring changed); it was dropped.'),
  });
  const { services, tracker } = composed;
  words = () => mainText(services.locale());

  remoteAccess = () => mediaAccessFor(composed.network.http, services.settings.get().baseUrl);
  const posters = createPosterCache({
    dir: join(app.getPath('userData'), 'posters'),
    tracker,
    log,
    access: () => remoteAccess!(),
  });
  media.set({
    tracker,
    posters,
    resolveFile: (ref) => resolveFileSync(tracker, services.settings.get().downloadDir, ref),
  });
  const send: SendHandlers<ElectronSender> = {
    'drag:start': createDragStart<ElectronSender>({
      tracker,
      downloadDir: () => services.settings.get().downloadDir,
      start: (sender, file, ref) =>
        sender.contents.startDrag({
          file,
          icon: dragIcon({ poster: posters.pathFor(ref), appIcon: where.appIcon }),
        }),
      refuse: (sender, info) => sender.contents.send('drag:refused', info),
      locale: () => services.locale(),
    }),
  };
  const handlers = createInvokeHandlers(services);
  const router = createIpcRouter<ElectronSender>({
    handlers,
    send,
    isTrustedSender: createSenderCheck({
      windowWebContentsId: () => popover.webContentsId(),
      renderer: where.renderer,
    }),
    onRejected: (channel, reason) => log(`IPC ${channel} refused: ${reason}`),
    locale: () => services.locale(),
  });
  const unregisterIpc = registerIpc(ipcMain, router);

  const feed = createTaskFeed({
    tracker,
    status: () => appStatusOf(services),
    locale: () => services.locale(),
    languageChanges: (listener) =>
      services.settings.onChange((next, previous) => {
        if (next.language !== previous.language) listener();
      }),
    send: (channel, payload) => {
      if (!popover.window.isDestroyed()) popover.window.webContents.send(channel, payload);
    },
  });
  composed.onStatusChanged(() => feed.statusChanged());
  // The window being shown is a reason to ask for the credit (main's policy decides).
  popover.window.on('show', () => void services.credit.refresh('open'));
  const offCreditFeed = services.credit.onChange((view) => {
    if (!popover.window.isDestroyed())
      popover.window.webContents.send('credit:changed', creditViewFor(view, services.locale()));
  });
  // The credit's error words follow the window's language.
  const offCreditLanguage = services.settings.onChange((next, previous) => {
    if (next.language === previous.language || popover.window.isDestroyed()) return;
    const view = creditViewFor(services.credit.current(), services.locale());
    popover.window.webContents.send('credit:changed', view);
  });

  const variant = defaultTrayVariant(process.platform, nativeTheme.shouldUseDarkColors);
  const tray = createAppTray({
    icon: trayIconPath('idle', variant, process.resourcesPath, app.isPackaged, where.appRoot),
    tooltip: PRODUCT_NAME,
    onToggle: (bounds) => popover.toggle(bounds),
    text: () => words(),
    actions: {
      open: () => popover.show(tray.bounds()),
      togglePolling: () => services.pauses.set('user', !services.pauses.has('user')),
      openDownloads: () => {
        void openFolder(services.settings.get().downloadDir).then((failure) => {
          if (failure) log(`The download folder could not be opened: ${failure}`);
        });
      },
      openSettings: () => {
        popover.show(tray.bounds());
        navigation.deliver({ view: 'settings' });
      },
      quit: () => app.quit(),
      update: (id) => updates?.menuAction(id),
    },
  });
  composed.onStatusChanged(() => tray.setPaused(services.pauses.has('user')));
  const trayDriver = createTrayDriver({
    tracker,
    online: () => services.status.online(),
    paused: () => services.pauses.has('user'),
    tokenRejected: () => services.tokenState.get() === 'rejected',
    variant: () => defaultTrayVariant(process.platform, nativeTheme.shouldUseDarkColors),
    credit: () => trayLineOf(services.credit.current(), words()),
    text: () => words(),
    proxyUnreachable: () => composed.network.proxyProblem()?.proxy ?? null,
    apply: (state, variant) => {
      tray.setImage(
        trayIconPath(state.state, variant, process.resourcesPath, app.isPackaged, where.appRoot),
      );
      tray.setToolTip(state.tooltip);
      tray.setBadge(state.badgeCount ?? 0);
    },
  });
  composed.onStatusChanged(() => trayDriver.refresh());
  const offCreditTray = services.credit.onChange((view) => {
    tray.setCredit(trayLineOf(view, words()));
    trayDriver.refresh();
  });
  nativeTheme.on('updated', () => trayDriver.refresh());
  // Settings -> Language applies at once: the menu is rebuilt, the tooltip redrawn; later
  // notifications and dialogs read words() when they are made.
  const language = followLanguage({
    settings: services.settings,
    locale: () => services.locale(),
    changed: (text) =>
      relabelTray(tray, {
        creditLine: () => trayLineOf(services.credit.current(), text),
        updateEntries: () => updates?.menuEntries() ?? null,
        refreshTooltip: () => trayDriver.refresh(),
      }),
  });

  // Opens the window on one task (or on the list) and brings it to the front.
  const openOn = (taskId: string | null): void => {
    popover.show(tray.bounds());
    navigation.deliver(taskId ? { taskId } : { view: 'tasks' });
  };
  const notifier = recordingNotifier(
    electronNotifier({ icon: where.appIcon, log }),
    hooks.notifyLog,
  );
  const notifications = connectNotifications({
    tracker,
    settings: services.settings,
    notifier,
    open: openOn,
    text: () => words(),
  });
  const offLowCredit = connectLowCredit({
    credit: services.credit,
    settings: services.settings,
    notifier,
    text: () => words(),
    openSettings: () => {
      popover.show(tray.bounds());
      popover.sendWhenLoaded('app:navigate', 'settings');
    },
  });
  const addFromOutside = createExternalAdd({
    text: () => words(),
    addTasks: (text) => handlers['tasks:add'](text),
    focus: openOn,
    report: (message) => {
      log(message);
      notifier.show({ title: PRODUCT_NAME, body: message, taskId: null, kind: 'failed' }, () =>
        openOn(null),
      );
    },
  });

  // Before the power events: a wake-up drops cached proxy answers before polling resumes.
  connectNetworkEvents(powerMonitor, composed.network);
  connectPowerEvents(powerMonitor, services.pauses);

  let updates: UpdateWiring | null = null;
  let stopped = false;
  void chooseUpdateEngine(
    {
      app,
      resourcesPath: process.resourcesPath,
      platform: process.platform,
      arch: process.arch,
      env: process.env,
      net,
      loadUpdater: loadAutoUpdater,
    },
    log,
  )
    .then(({ mode, engine }) => {
      if (stopped || mode === 'off' || !engine) return;
      updates = connectUpdates({
        mode,
        engine,
        currentVersion: app.getVersion(),
        productName: PRODUCT_NAME,
        settings: services.settings,
        online: () => services.status.online() && net.isOnline(),
        onStatusChanged: (listener) => composed.onStatusChanged(listener),
        power: powerMonitor,
        downloads: composed.downloadQueue ?? {
          counts: () => ({ running: 0, queued: 0 }),
          idle: () => Promise.resolve(),
        },
        notifier,
        askRestart: (count) => askRestartDuringDownloads(dialog, count, words()),
        text: () => words(),
        // Release pages only: the URL is built from electron-builder.yml's publish block.
        openExternal: (url) => {
          if (new URL(url).protocol === 'https:') void electronShell.openExternal(url);
        },
        showMenu: (entries) => tray.setUpdateEntries(entries),
        log,
      });
      tray.setUpdateEntries(updates.menuEntries());
    })
    .catch((error: unknown) => log(`Updates could not be set up: ${String(error)}`));

  if (taskStore.recoveredFrom)
    log(`The task list was unreadable and was set aside at ${taskStore.recoveredFrom}`);
  return {
    composed,
    popover,
    tray,
    feed,
    addFromOutside: (text) => void addFromOutside(text),
    reveal: () => popover.show(tray.bounds()),
    stop() {
      stopped = true;
      updates?.close();
      language.close();
      notifications.flush();
      notifications.close();
      offLowCredit();
      offCreditTray();
      offCreditFeed();
      offCreditLanguage();
      media.set(null);
      posters.close();
      trayDriver.close();
      feed.close();
      unregisterIpc();
    },
  };
}

/** Registers pika-tray:// with the OS (in development, for this Electron + app folder). */
function registerProtocol(): void {
  const ok =
    process.defaultApp && process.argv[1] !== undefined
      ? app.setAsDefaultProtocolClient(URL_SCHEME, process.execPath, [resolve(process.argv[1])])
      : app.setAsDefaultProtocolClient(URL_SCHEME);
  if (!ok) log(`Could not register ${URL_SCHEME}:// links with the system.`);
}

function main(): void {
  // Before the lock: Chromium scopes the single-instance lock to the data folder.
  if (hooks.userDataDir) app.setPath('userData', hooks.userDataDir);
  // Our original argv travels along: 'second-instance' reports a rebuilt one.
  if (!app.requestSingleInstanceLock(launchData(process.argv))) {
    // The first instance gets our argv through 'second-instance'.
    app.quit();
    return;
  }
  app.setAppUserModelId(appUserModelId(app.isPackaged, process.execPath));
  // Before 'ready': app:// must be known as a standard, secure scheme from the start.
  declareAppScheme(protocol);
  // A tray app: closing the window must not quit, and there is no dock icon.
  app.on('window-all-closed', () => {});
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, log));
  // Links and --add from outside may arrive before the services exist: keep them until then.
  const early: string[] = [];
  const fromOutside = (text: string): void => {
    if (running) running.addFromOutside(text);
    else early.push(text);
  };
  app.on('second-instance', (_event, argv, _cwd, additionalData) => {
    const text = taskInputFromArgv(secondLaunchArgv(argv, additionalData));
    if (text !== null) fromOutside(text);
    else running?.reveal();
  });
  // macOS hands links to the running app this way (also at launch, before 'ready').
  app.on('open-url', (event, url) => {
    event.preventDefault();
    if (isAppLink(url)) fromOutside(appLinkInput(url));
  });

  // macOS: opening the app again (Finder, Spotlight, the Dock) arrives here.
  app.on('activate', () => running?.reveal());

  let closing = false;
  app.on('before-quit', (event) => {
    quitting = true;
    if (!running || closing) return;
    // Write pending task state before the process ends.
    event.preventDefault();
    closing = true;
    const current = running;
    current.stop();
    void current.composed.close().finally(() => {
      running = null;
      current.tray.destroy();
      app.quit();
    });
  });

  void app.whenReady().then(() => {
    app.dock?.hide();
    applyAppMenu();
    registerProtocol();
    try {
      serveAppScheme(
        protocol,
        appRoutes({ rendererDir: paths().rendererDir, media: media.sources }),
      );
      running = start();
    } catch (error) {
      // Without its stores or window the app cannot work: say why instead of vanishing.
      const why = error instanceof Error ? error.message : String(error);
      log(`Could not start: ${why}`);
      // The settings may be what failed: the OS's language.
      const locale = resolveLocale(app.getPreferredSystemLanguages());
      dialog.showErrorBox(
        mainText(locale).t.dialog.couldNotStart(PRODUCT_NAME),
        textOf(error, locale),
      );
      app.exit(1);
      return;
    }
    const text = taskInputFromArgv(process.argv);
    if (text !== null) early.push(text);
    for (const pending of early.splice(0)) running.addFromOutside(pending);
    const quiet = startedAtLogin(process.argv, app) || process.argv.includes(HIDDEN_ARG);
    if (!quiet && text === null) running.reveal();
  });
}

main();
