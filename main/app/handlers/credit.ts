// The credit intent: the renderer says why it asks (the window was shown, or Refresh); main's
// refresh policy decides whether a request is due. The view never holds the token.
import { topUpUrlFor } from '../../core/credit/gateways';
import type { InvokeHandlers } from '../ipc/handler-types';
import type { AppServices } from '../services';

export function creditHandlers(
  services: AppServices,
): Pick<InvokeHandlers, 'credit:refresh' | 'credit:open-top-up'> {
  return {
    'credit:refresh': (reason) => services.credit.refresh(reason),
    // Main's own table of known gateways decides the page: a renderer can open no URL here.
    'credit:open-top-up': async () => {
      const url = topUpUrlFor(services.settings.get().baseUrl);
      if (url !== null && new URL(url).protocol === 'https:')
        await services.shell.openExternal(url);
    },
  };
}
