import type { InvokeHandlers } from '../ipc/handler-types';
import { appStatusOf, type AppServices } from '../services';

export function pollingHandlers(
  services: AppServices,
): Pick<InvokeHandlers, 'polling:pause' | 'polling:resume'> {
  return {
    'polling:pause': () => {
      services.pauses.set('user', true);
      return appStatusOf(services);
    },
    'polling:resume': () => {
      services.pauses.set('user', false);
      return appStatusOf(services);
    },
  };
}
