// Runs the REAL built preload (dist/preload/index.cjs) in the page, with `require('electron')`
// answered by a stand-in whose ipcRenderer reaches the test process through Playwright
// bindings. Events from main arrive through window.__pikaEmit, called by the harness.
import { readFileSync } from 'node:fs';
import { PRELOAD_FILE } from './ensure-build';

export const INVOKE_BINDING = '__pikaInvoke';
export const SEND_BINDING = '__pikaSend';
export const EMIT_FUNCTION = '__pikaEmit';

export function preloadInitScript(): string {
  const preload = readFileSync(PRELOAD_FILE, 'utf8');
  return `(() => {
  const listeners = new Map();
  const ipcRenderer = {
    async invoke(channel, ...args) {
      try {
        return await window.${INVOKE_BINDING}(channel, args);
      } catch (err) {
        // Electron's own wording, so the renderer meets the same messages as in the app.
        const message = err && err.message ? err.message : String(err);
        throw new Error("Error invoking remote method '" + channel + "': Error: " + message);
      }
    },
    send(channel, ...args) {
      void window.${SEND_BINDING}(channel, args);
    },
    on(channel, listener) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel).add(listener);
      return ipcRenderer;
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    },
  };
  Object.defineProperty(window, '${EMIT_FUNCTION}', {
    value(channel, payload) {
      const event = { sender: ipcRenderer, ports: [] };
      for (const l of [...(listeners.get(channel) || [])]) l(event, payload);
      return (listeners.get(channel) || new Set()).size;
    },
  });
  const electron = {
    contextBridge: {
      exposeInMainWorld(key, api) {
        Object.defineProperty(window, key, { value: api, enumerable: false });
      },
    },
    ipcRenderer,
  };
  const require = (name) => {
    if (name === 'electron') return electron;
    throw new Error('A sandboxed preload cannot require ' + name);
  };
  const module = { exports: {} };
  (function (require, module, exports) {
${preload}
  })(require, module, module.exports);
})();`;
}
