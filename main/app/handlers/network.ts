// Network intents. Test checks the setting on screen the way Settings would save it, then
// reaches the gateway through it; the token is not involved.
import type { InvokeHandlers } from '../ipc/handler-types';
import { testNetwork } from '../network/network-test';
import { normalizeProxyUrl } from '../network/proxy-url-rule';
import type { AppServices } from '../services';
import { checkNetwork } from '../settings/validate-settings';

export function networkHandlers(services: AppServices): Pick<InvokeHandlers, 'network:test'> {
  return {
    'network:test': (network) =>
      testNetwork({
        setting: checkNetwork(network, { normalizeProxyUrl }),
        baseUrl: services.settings.get().baseUrl,
        layerFor: (setting) => services.network.layerFor(setting),
        locale: services.locale(),
      }),
  };
}
