// Connects the update policy (core/update) to the running app: the automatic-updates
// setting, the online state, power (no automatic check on battery), the video downloads a
// restart must not cut short, notifications and the tray menu's update items.
import type { MainText } from '../../core/text';
import type { PowerMonitor } from 'electron';
import type { DownloadQueue } from '../../core/download';
import {
  createUpdateController,
  type RestartAnswer,
  type UpdateController,
  type UpdateEngine,
  type UpdateNotice,
} from '../../core/update/update-controller';
import { realClock, type UpdateClock } from '../../core/update/update-timing';
import {
  updateMenuEntries,
  type UpdateMenuEntry,
  type UpdateMenuId,
} from '../../core/update/update-view';
import type { UpdateMode } from '../../core/update/update-mode';
import type { Notifier } from '../notify/notify-wiring';
import type { SettingsPort } from '../services';

/** The part of Electron's powerMonitor the wiring uses. */
export type PowerPort = Pick<PowerMonitor, 'isOnBatteryPower'> & {
  on(event: 'on-battery' | 'on-ac' | 'resume', listener: () => void): unknown;
  removeListener(event: 'on-battery' | 'on-ac' | 'resume', listener: () => void): unknown;
};

export interface UpdateWiring {
  controller: UpdateController;
  /** The update items of the tray menu now. */
  menuEntries(): UpdateMenuEntry[];
  /** A click on one of those items. */
  menuAction(id: UpdateMenuId): void;
  close(): void;
}

export function connectUpdates(deps: {
  mode: Exclude<UpdateMode, 'off'>;
  engine: UpdateEngine;
  currentVersion: string;
  productName: string;
  settings: Pick<SettingsPort, 'get' | 'onChange'>;
  /** The app's online state (feed answers) and the OS's. */
  online(): boolean;
  /** Fires when the app's status (online among it) changes. */
  onStatusChanged(listener: () => void): () => void;
  power: PowerPort;
  downloads: Pick<DownloadQueue, 'counts' | 'idle'>;
  notifier: Notifier;
  askRestart(count: number): Promise<RestartAnswer>;
  openExternal(url: string): void;
  /** The update items changed: rebuild the tray menu. */
  showMenu(entries: UpdateMenuEntry[]): void;
  log(line: string): void;
  clock?: UpdateClock;
  /** The words in the language of the moment (menu items, notices). Default English. */
  text?: () => MainText;
}): UpdateWiring {
  const active = (): number => {
    const { running, queued } = deps.downloads.counts();
    return running + queued;
  };
  const controller = createUpdateController({
    engine: deps.engine,
    currentVersion: deps.currentVersion,
    productName: deps.productName,
    conditions: {
      automatic: () => deps.settings.get().autoUpdate,
      online: deps.online,
      onBattery: () => deps.power.isOnBatteryPower(),
    },
    downloads: { active, idle: () => deps.downloads.idle() },
    askRestartDuringDownloads: deps.askRestart,
    notify: (notice) => show(notice),
    ...(deps.text ? { text: deps.text } : {}),
    log: deps.log,
    clock: deps.clock ?? realClock,
  });

  function show(notice: UpdateNotice): void {
    deps.notifier.show(
      { title: notice.title, body: notice.body, taskId: null, kind: 'summary' },
      () => {
        if (notice.click.action === 'restart') void controller.restart();
        else if (notice.click.action === 'open') deps.openExternal(notice.click.url);
      },
    );
  }

  const menuEntries = (): UpdateMenuEntry[] =>
    updateMenuEntries(deps.mode, controller.status(), deps.text?.());
  const offStatus = controller.onChange(() => deps.showMenu(menuEntries()));
  const changed = (): void => controller.conditionsChanged();
  // On battery: no automatic check until back on mains power. Resume: timers may have
  // slept through a due check.
  deps.power.on('on-battery', changed);
  deps.power.on('on-ac', changed);
  deps.power.on('resume', changed);
  const offSettings = deps.settings.onChange((next, previous) => {
    if (next.autoUpdate !== previous.autoUpdate) changed();
  });
  const offStatusChanged = deps.onStatusChanged(changed);

  return {
    controller,
    menuEntries,
    menuAction(id) {
      if (id === 'update-check') void controller.checkNow();
      else if (id === 'update-restart') void controller.restart();
      else {
        const status = controller.status();
        if (status.kind === 'available') deps.openExternal(status.url);
      }
    },
    close() {
      offStatus();
      offSettings();
      offStatusChanged();
      deps.power.removeListener('on-battery', changed);
      deps.power.removeListener('on-ac', changed);
      deps.power.removeListener('resume', changed);
      controller.close();
    },
  };
}
