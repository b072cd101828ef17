// Settings intents. The view carries whether a token exists and how it is protected, never
// the token itself, and the bounds main enforces on numbers, so the form offers only those.
import type { SettingsView } from '../../../preload/contract';
import type { InvokeHandlers } from '../ipc/handler-types';
import { SETTING_LIMITS } from '../settings/validate-settings';
import type { AppServices } from '../services';

export function settingsViewOf(services: AppServices): SettingsView {
  return {
    settings: services.settings.get(),
    hasToken: services.vault.has(),
    tokenState: services.tokenState.get(),
    tokenProtection: services.vault.protection(),
    limits: SETTING_LIMITS,
  };
}

export function settingsHandlers(
  services: AppServices,
): Pick<InvokeHandlers, 'settings:get' | 'settings:update' | 'settings:choose-folder'> {
  return {
    'settings:get': () => settingsViewOf(services),
    'settings:update': async (patch) => {
      const before = services.settings.get();
      const next = services.settings.update(patch);
      if (next.launchAtLogin !== before.launchAtLogin) {
        // The OS has the last word (macOS may ask the user; a folder may be read-only):
        // keep the setting equal to what the OS reports, and say when they differ.
        let actual: boolean;
        try {
          actual = await services.loginItem.set(next.launchAtLogin);
        } catch (error) {
          services.settings.update({ launchAtLogin: before.launchAtLogin });
          const why = error instanceof Error ? error.message : String(error);
          throw new Error(`Launch at login could not be changed: ${why}`, { cause: error });
        }
        if (actual !== next.launchAtLogin) {
          services.settings.update({ launchAtLogin: actual });
          throw new Error(
            actual
              ? 'Launch at login is still on: turn it off in your system settings.'
              : 'Launch at login was not turned on (the system may need your approval in its settings).',
          );
        }
      }
      return settingsViewOf(services);
    },
    // Only picks: the renderer saves the choice through settings:update, which validates it.
    'settings:choose-folder': () =>
      services.dialog.chooseFolder(services.settings.get().downloadDir),
  };
}
