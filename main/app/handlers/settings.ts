// Settings intents. The view carries whether a token exists and how it is protected, never
// the token itself, and the bounds main enforces on numbers, so the form offers only those.
import type { SettingsView } from '../../../preload/contract';
import type { InvokeHandlers } from '../ipc/handler-types';
import { SETTING_LIMITS, SettingsError } from '../settings/validate-settings';
import type { AppServices } from '../services';
import { say } from '../../core/text/message-ref';
import { textArgOf } from '../../core/text/text-arg';
import { TextError } from '../../core/text/text-error';
import { createTokenOriginGuard, originOf, type TokenOriginCheck } from '../token/token-origin';

export function settingsViewOf(services: AppServices): SettingsView {
  const settings = services.settings.get();
  const view: SettingsView = {
    settings,
    hasToken: services.vault.has(),
    tokenState: services.tokenState.get(),
    tokenProtection: services.vault.protection(),
    limits: SETTING_LIMITS,
    locale: services.locale(),
  };
  const savedFor = services.vault.origin();
  if (view.hasToken && savedFor !== null && savedFor !== originOf(settings.baseUrl)) {
    view.tokenSavedFor = savedFor;
  }
  return view;
}

export function settingsHandlers(
  services: AppServices,
  tokenOrigin: () => Promise<TokenOriginCheck> = createTokenOriginGuard(services),
): Pick<InvokeHandlers, 'settings:get' | 'settings:update' | 'settings:choose-folder'> {
  return {
    'settings:get': () => settingsViewOf(services),
    'settings:update': async (patch) => {
      // The router's schema already refuses it; a handler called another way must too.
      if ('downloadDir' in patch) {
        throw new SettingsError('downloadDir', say('settings.folderChooseOnly'));
      }
      const before = services.settings.get();
      const next = services.settings.update(patch);
      if (originOf(next.baseUrl) !== originOf(before.baseUrl)) {
        // Ask now, while the user is looking at the URL they typed; a "no" keeps the
        // token from the new server (polling, Test and New video ask again).
        await tokenOrigin();
      }
      if (next.launchAtLogin !== before.launchAtLogin) {
        // The OS has the last word (macOS may ask the user; a folder may be read-only):
        // keep the setting equal to what the OS reports, and say when they differ.
        let actual: boolean;
        try {
          actual = await services.loginItem.set(next.launchAtLogin);
        } catch (error) {
          services.settings.update({ launchAtLogin: before.launchAtLogin });
          throw new TextError(say('settings.loginItemFailed', textArgOf(error)), { cause: error });
        }
        if (actual !== next.launchAtLogin) {
          services.settings.update({ launchAtLogin: actual });
          throw new TextError(
            say(actual ? 'settings.loginItemStillOn' : 'settings.loginItemNotOn'),
          );
        }
      }
      return settingsViewOf(services);
    },
    // The folder comes from main's own picker and is saved here, checked like any other
    // source (no root, share or device path); the renderer never names a path.
    'settings:choose-folder': async () => {
      const picked = await services.dialog.chooseFolder(services.settings.get().downloadDir);
      if (picked === null) return null;
      services.settings.update({ downloadDir: picked });
      return settingsViewOf(services);
    },
  };
}
