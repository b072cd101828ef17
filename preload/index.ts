// The preload entry: exposes the typed bridge as window.pika, never ipcRenderer itself, and
// hands listeners the payload only so the renderer never holds an IpcRendererEvent (which
// would reach back to ipcRenderer). Bundled to one CommonJS file: a sandboxed preload can
// only require('electron').
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createBridge, type BridgeTransport } from './bridge';
import { BRIDGE_KEY } from './contract';

const transport: BridgeTransport = {
  invoke: (channel, ...args) => ipcRenderer.invoke(channel, ...args),
  send: (channel, ...args) => ipcRenderer.send(channel, ...args),
  on: (channel, listener) => {
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, createBridge(transport));
