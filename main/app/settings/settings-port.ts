// The settings port over any key-value file with Conf's shape (electron-store in the app,
// conf in plain Node): validated reads and writes plus change listeners.
import type { Settings } from '../../core/settings';
import type { SettingsPort } from '../services';
import { applySettingsPatch, repairSettings, type SettingsRules } from './validate-settings';

/** What we need of Conf / electron-store: one object under one key. */
export interface SettingsStorage {
  read(): unknown;
  write(settings: Settings): void;
}

export function createSettingsPort(options: {
  storage: SettingsStorage;
  defaults: Settings;
  rules: SettingsRules;
}): SettingsPort {
  const { storage, defaults, rules } = options;
  let current = repairSettings(storage.read(), defaults, rules);
  const listeners = new Set<(next: Settings, previous: Settings) => void>();
  return {
    get: () => ({ ...current }),
    update(patch) {
      const previous = current;
      const next = applySettingsPatch(current, patch, rules);
      storage.write(next);
      current = next;
      for (const listener of listeners) listener({ ...next }, { ...previous });
      return { ...next };
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Adapts a Conf-like store (conf or electron-store) keeping settings under one key. */
export function confSettingsStorage(conf: {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}): SettingsStorage {
  return {
    read: () => conf.get('settings'),
    write: (settings) => conf.set('settings', settings),
  };
}
