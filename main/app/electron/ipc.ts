// Connects the router to ipcMain: every invoke channel through ipcMain.handle, every send
// channel through ipcMain.on. Only the sender's identity is taken from the Electron event.
import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron';
import type { IpcSenderInfo } from '../ipc/handler-types';
import type { IpcRouter } from '../ipc/router';

export interface ElectronSender extends IpcSenderInfo {
  /** For send handlers that must answer on the same webContents (drag-out). */
  contents: WebContents;
}

export function senderOf(event: IpcMainInvokeEvent | IpcMainEvent): ElectronSender {
  const frame = event.senderFrame;
  return {
    webContentsId: event.sender.id,
    frameUrl: frame ? frame.url : null,
    isMainFrame: frame !== null && frame === event.sender.mainFrame,
    contents: event.sender,
  };
}

export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'on' | 'removeHandler' | 'removeAllListeners'>,
  router: IpcRouter<ElectronSender>,
): () => void {
  for (const channel of router.invokeChannels) {
    ipcMain.handle(channel, (event, ...args: unknown[]) =>
      router.invoke(channel, senderOf(event), args),
    );
  }
  for (const channel of router.sendChannels) {
    ipcMain.on(channel, (event, ...args: unknown[]) => {
      router.send(channel, senderOf(event), args);
    });
  }
  return () => {
    for (const channel of router.invokeChannels) ipcMain.removeHandler(channel);
    for (const channel of router.sendChannels) ipcMain.removeAllListeners(channel);
  };
}
