// All invoke handlers from the services. The return type makes a channel without a handler
// a compile error.
import { createFileResolver } from '../downloads/resolve-file';
import type { InvokeHandlers } from '../ipc/handler-types';
import type { AppServices } from '../services';
import { appHandlers } from './app';
import { creditHandlers } from './credit';
import { generateHandlers } from './generate';
import { networkHandlers } from './network';
import { pollingHandlers } from './polling';
import { settingsHandlers } from './settings';
import { taskHandlers } from './tasks';
import { tokenHandlers } from './token';
import { inWindowWords } from './task-words';
import { createTokenOriginGuard } from '../token/token-origin';

export function createInvokeHandlers(services: AppServices): InvokeHandlers {
  const resolveFile = createFileResolver({
    tracker: services.tracker,
    downloadDir: () => services.settings.get().downloadDir,
  });
  const tokenOrigin = createTokenOriginGuard(services);
  const handlers: InvokeHandlers = {
    ...taskHandlers(services, resolveFile),
    ...settingsHandlers(services, tokenOrigin),
    ...tokenHandlers(services, tokenOrigin),
    ...pollingHandlers(services),
    ...appHandlers(services),
    ...generateHandlers(services, tokenOrigin),
    ...creditHandlers(services),
    ...networkHandlers(services),
  };
  // Tasks reach the window with their error words in its language.
  return inWindowWords(handlers, () => services.locale());
}
