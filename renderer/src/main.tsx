import { render } from 'preact';
import { App } from './app';
import { BridgeContext, windowBridge } from './bridge';
import { NoticeProvider } from './hooks/use-notices';
import { I18nProvider, initialLocale, loadCatalog } from './i18n/i18n';
import type { Locale } from '../../preload/contract';
import './styles/base.css';
import './styles/layout.css';
import './styles/tasks.css';
import './styles/forms.css';

const root = document.getElementById('app')!;
try {
  const bridge = windowBridge();
  // The first frame is already in the user's language: ask main which (one IPC round trip),
  // and load that catalog if it is not the built-in English one.
  const start = (locale: Locale) =>
    render(
      <BridgeContext.Provider value={bridge}>
        <I18nProvider bridge={bridge} initial={locale}>
          <NoticeProvider>
            <App />
          </NoticeProvider>
        </I18nProvider>
      </BridgeContext.Provider>,
      root,
    );
  void bridge.settings
    .get()
    .then((view) => view.locale ?? initialLocale(), initialLocale)
    .then(async (locale) => {
      await loadCatalog(locale).catch(() => undefined);
      start(locale);
    });
} catch (err) {
  root.textContent = err instanceof Error ? err.message : String(err);
}
