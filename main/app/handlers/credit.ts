// The credit intent: the renderer says why it asks (the window was shown, or Refresh); main's
// refresh policy decides whether a request is due. The view never holds the token.
import { topUpUrlFor } from '../../core/credit/gateways';
import type { InvokeHandlers } from '../ipc/handler-types';
import type { AppServices } from '../services';
import type { CreditView } from '../../core/credit/types';
import type { Locale } from '../../core/i18n/locale';
import { textOf } from '../../core/text/text-error';

/** The view as the window gets it: its message in the window's language, no data ref. */
export function creditViewFor(view: CreditView, locale: Locale): CreditView {
  if (view.ref === undefined) return view;
  const { ref: _ref, ...rest } = view;
  return { ...rest, message: textOf(view, locale) };
}

export function creditHandlers(
  services: AppServices,
): Pick<InvokeHandlers, 'credit:refresh' | 'credit:open-top-up'> {
  return {
    'credit:refresh': async (reason) =>
      creditViewFor(await services.credit.refresh(reason), services.locale()),
    // Main's own table of known gateways decides the page: a renderer can open no URL here.
    'credit:open-top-up': async () => {
      const url = topUpUrlFor(services.settings.get().baseUrl);
      if (url !== null && new URL(url).protocol === 'https:')
        await services.shell.openExternal(url);
    },
  };
}
