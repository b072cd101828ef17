// The credit intent: the renderer says why it asks (the window was shown, or Refresh); main's
// refresh policy decides whether a request is due. The view never holds the token.
import type { InvokeHandlers } from '../ipc/handler-types';
import type { AppServices } from '../services';

export function creditHandlers(services: AppServices): Pick<InvokeHandlers, 'credit:refresh'> {
  return {
    'credit:refresh': (reason) => services.credit.refresh(reason),
  };
}
