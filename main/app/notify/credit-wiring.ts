// Feeds each credit reading to the core's low-credit policy and hands its warning to the
// platform's notifier; a click opens Settings, where the credit and the threshold are.
import type { CreditService } from '../../core/credit/credit-service';
import { createLowCreditPolicy } from '../../core/notify/low-credit-policy';
import type { MainText } from '../../core/text';
import type { SettingsPort } from '../services';
import type { Notifier } from './notify-wiring';

export function connectLowCredit(options: {
  credit: Pick<CreditService, 'onChange'>;
  settings: Pick<SettingsPort, 'get'>;
  notifier: Notifier;
  openSettings(): void;
  /** The words in the language of the moment. Default English. */
  text?: () => MainText;
}): () => void {
  const policy = createLowCreditPolicy({
    enabled: () => options.settings.get().notifications,
    ...(options.text ? { text: options.text } : {}),
  });
  return options.credit.onChange((view) => {
    if (view.status !== 'known' || view.credit === null) return;
    const warning = policy.observe(view.credit, options.settings.get().lowCreditUsd);
    if (warning) options.notifier.show(warning, options.openSettings);
  });
}
