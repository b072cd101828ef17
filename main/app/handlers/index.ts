// All invoke handlers from the services. The return type makes a channel without a handler
// a compile error.
import { createFileResolver } from '../downloads/resolve-file';
import type { InvokeHandlers } from '../ipc/handler-types';
import type { AppServices } from '../services';
import { appHandlers } from './app';
import { generateHandlers } from './generate';
import { networkHandlers } from './network';
import { pollingHandlers } from './polling';
import { settingsHandlers } from './settings';
import { taskHandlers } from './tasks';
import { tokenHandlers } from './token';

export function createInvokeHandlers(services: AppServices): InvokeHandlers {
  const resolveFile = createFileResolver({
    tracker: services.tracker,
    downloadDir: () => services.settings.get().downloadDir,
  });
  return {
    ...taskHandlers(services, resolveFile),
    ...settingsHandlers(services),
    ...tokenHandlers(services),
    ...pollingHandlers(services),
    ...appHandlers(services),
    ...generateHandlers(services),
    ...networkHandlers(services),
  };
}
