// One warning when the token's credit falls below the user's threshold, and no other until
// it has risen back to the threshold or above (a top-up) and fallen again. Pure, like the
// finished-video policy beside it: it decides what to say; the app's notifier shows it.
//
// - Threshold 0 is "off": nothing is said, and the warning is armed again.
// - Unlimited credit, or none reported, says nothing and leaves the state as it was.
// - The notifications setting is read at each reading: off means dropped, never queued.
import { formatUsd } from '../credit/credit-text';
import { ENGLISH, type MainText } from '../text';
import type { CreditAmounts } from '../credit/types';
import type { NotificationRequest } from './notification-policy';

export interface LowCreditPolicy {
  /** A new reading; returns the warning to show, if this reading crossed the threshold. */
  observe(credit: CreditAmounts, thresholdUsd: number): NotificationRequest | null;
}

export function createLowCreditPolicy(options: {
  enabled: () => boolean;
  /** The words in the language of the moment (read when a warning is made). */
  text?: () => MainText;
}): LowCreditPolicy {
  let armed = true;
  return {
    observe(credit, thresholdUsd) {
      if (!(thresholdUsd > 0)) {
        armed = true;
        return null;
      }
      if (credit.unlimited || credit.remainingUsd === null) return null;
      if (credit.remainingUsd >= thresholdUsd) {
        armed = true;
        return null;
      }
      if (!armed) return null;
      armed = false;
      if (!options.enabled()) return null;
      const t = (options.text?.() ?? ENGLISH).t.notify;
      return {
        kind: 'credit',
        taskId: null,
        title: t.lowCreditTitle,
        body: t.lowCreditBody(formatUsd(credit.remainingUsd), formatUsd(thresholdUsd)),
      };
    },
  };
}
