// The one way the renderer reaches main: the object the preload exposed.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { BRIDGE_KEY, type PikaBridge } from '../../preload/contract';

export function windowBridge(): PikaBridge {
  const bridge = (window as unknown as Record<string, PikaBridge | undefined>)[BRIDGE_KEY];
  if (!bridge) throw new Error('The preload bridge is missing: open this page inside Pika Tray.');
  return bridge;
}

export const BridgeContext = createContext<PikaBridge | null>(null);

export function useBridge(): PikaBridge {
  const bridge = useContext(BridgeContext);
  if (!bridge) throw new Error('useBridge outside <BridgeContext.Provider>');
  return bridge;
}
