import { render } from '@testing-library/preact';
import { App } from '../app';
import { BridgeContext } from '../bridge';
import { NoticeProvider } from '../hooks/use-notices';
import { I18nProvider } from '../i18n/i18n';
import type { FakeBridge } from './fake-bridge';

export function renderApp(bridge: FakeBridge) {
  return render(
    <BridgeContext.Provider value={bridge}>
      <I18nProvider bridge={bridge} initial={bridge.state.settings.locale}>
        <NoticeProvider>
          <App />
        </NoticeProvider>
      </I18nProvider>
    </BridgeContext.Provider>,
  );
}
