import { render } from 'preact';
import { App } from './app';
import { BridgeContext, windowBridge } from './bridge';
import { NoticeProvider } from './hooks/use-notices';
import { I18nProvider } from './i18n/i18n';
import './styles/base.css';
import './styles/layout.css';
import './styles/tasks.css';
import './styles/forms.css';

const root = document.getElementById('app')!;
try {
  const bridge = windowBridge();
  render(
    <BridgeContext.Provider value={bridge}>
      <I18nProvider bridge={bridge}>
        <NoticeProvider>
          <App />
        </NoticeProvider>
      </I18nProvider>
    </BridgeContext.Provider>,
    root,
  );
} catch (err) {
  root.textContent = err instanceof Error ? err.message : String(err);
}
