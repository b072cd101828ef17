// Turns the contract's channels into the intents the renderer calls. Kept free of Electron so
// it can be tested with any transport; preload/index.ts hands it one built on ipcRenderer.
import {
  CHANNELS,
  type EventChannel,
  type EventChannels,
  type InvokeChannel,
  type InvokeChannels,
  type PikaBridge,
  type SendChannel,
  type SendChannels,
  type Unsubscribe,
} from './contract';

/** The three things the bridge needs from IPC, with the IPC event already stripped. */
export interface BridgeTransport {
  invoke(channel: InvokeChannel, ...args: unknown[]): Promise<unknown>;
  send(channel: SendChannel, ...args: unknown[]): void;
  on(channel: EventChannel, listener: (payload: unknown) => void): Unsubscribe;
}

export function createBridge(transport: BridgeTransport): PikaBridge {
  // Typed helpers: the channel decides both the argument tuple and the result.
  const invoke =
    <C extends InvokeChannel>(channel: C) =>
    (...args: InvokeChannels[C]['args']): Promise<InvokeChannels[C]['result']> =>
      transport.invoke(channel, ...args) as Promise<InvokeChannels[C]['result']>;
  const send =
    <C extends SendChannel>(channel: C) =>
    (...args: SendChannels[C]): void => {
      transport.send(channel, ...args);
    };
  const subscribe =
    <C extends EventChannel>(channel: C) =>
    (listener: (payload: EventChannels[C]) => void): Unsubscribe => {
      if (typeof listener !== 'function') throw new TypeError('listener must be a function');
      return transport.on(channel, (payload) => listener(payload as EventChannels[C]));
    };

  const i = CHANNELS.invoke;
  const e = CHANNELS.event;
  return {
    tasks: {
      list: invoke(i.listTasks),
      add: invoke(i.addTasks),
      remove: invoke(i.removeTask),
      recheck: invoke(i.recheckTask),
      markSeen: invoke(i.markSeen),
      download: invoke(i.download),
      countNotDownloaded: invoke(i.countNotDownloaded),
      downloadAllFinished: invoke(i.downloadAllFinished),
      openFile: invoke(i.openFile),
      revealFile: invoke(i.revealFile),
      openLink: invoke(i.openLink),
      startDrag: send(CHANNELS.send.startDrag),
      onChange: subscribe(e.tasksChanged),
      onDragRefused: subscribe(e.dragRefused),
    },
    settings: {
      get: invoke(i.getSettings),
      update: invoke(i.updateSettings),
      chooseFolder: invoke(i.chooseFolder),
      setToken: invoke(i.setToken),
      clearToken: invoke(i.clearToken),
      testToken: invoke(i.testToken),
      testNetwork: invoke(i.testNetwork),
    },
    polling: {
      pause: invoke(i.pausePolling),
      resume: invoke(i.resumePolling),
    },
    app: {
      status: invoke(i.status),
      onStatus: subscribe(e.status),
      onFocusTask: subscribe(e.focusTask),
      onNavigate: subscribe(e.navigate),
      copyText: invoke(i.copyText),
      hideWindow: invoke(i.hideWindow),
      takeNavigation: invoke(i.takeNavigation),
    },
    generate: {
      create: invoke(i.generate),
    },
    credit: {
      refresh: invoke(i.refreshCredit),
      openTopUp: invoke(i.openTopUp),
      onChange: subscribe(e.creditChanged),
    },
  };
}
