// Settings intents. The view carries whether a token exists and how it is protected, never
// the token itself.
import type { SettingsView } from '../../../preload/contract';
import type { InvokeHandlers } from '../ipc/handler-types';
import type { AppServices } from '../services';

export function settingsViewOf(services: AppServices): SettingsView {
  return {
    settings: services.settings.get(),
    hasToken: services.vault.has(),
    tokenState: services.tokenState.get(),
    tokenProtection: services.vault.protection(),
  };
}

export function settingsHandlers(
  services: AppServices,
): Pick<InvokeHandlers, 'settings:get' | 'settings:update' | 'settings:choose-folder'> {
  return {
    'settings:get': () => settingsViewOf(services),
    'settings:update': (patch) => {
      services.settings.update(patch);
      return settingsViewOf(services);
    },
    // Only picks: the renderer saves the choice through settings:update, which validates it.
    'settings:choose-folder': () =>
      services.dialog.chooseFolder(services.settings.get().downloadDir),
  };
}
