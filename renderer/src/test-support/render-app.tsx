import { render } from '@testing-library/preact';
import { App } from '../app';
import { BridgeContext } from '../bridge';
import { NoticeProvider } from '../hooks/use-notices';
import type { FakeBridge } from './fake-bridge';

export function renderApp(bridge: FakeBridge) {
  return render(
    <BridgeContext.Provider value={bridge}>
      <NoticeProvider>
        <App />
      </NoticeProvider>
    </BridgeContext.Provider>,
  );
}
