// Small app intents. Only https links leave the app: anything else (file:, javascript:,
// custom schemes) could run or open local things. No intent takes a URL from the renderer:
// 'tasks:open-link' looks the link up from the task (handlers/tasks.ts).
import type { InvokeHandlers } from '../ipc/handler-types';
import { appStatusOf, type AppServices } from '../services';
import { say } from '../../core/text/message-ref';
import { TextError } from '../../core/text/text-error';

export function checkExternalUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TextError(say('appErrors.badLink'));
  }
  if (parsed.protocol !== 'https:') throw new TextError(say('appErrors.httpsOnly'));
  if (parsed.username || parsed.password) throw new TextError(say('appErrors.linkCredentials'));
  return parsed.href;
}

export function appHandlers(
  services: AppServices,
): Pick<
  InvokeHandlers,
  'app:status' | 'app:copy-text' | 'app:hide-window' | 'app:take-navigation'
> {
  return {
    'app:status': () => appStatusOf(services),
    'app:copy-text': (text) => {
      services.clipboard.writeText(text);
    },
    'app:hide-window': () => {
      services.window.hide();
    },
    'app:take-navigation': () => services.window.takeNavigation(),
  };
}
