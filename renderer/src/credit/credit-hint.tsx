// Beside Create video: every video is billed, and what the token has left when main knows.
import { useT } from '../i18n/i18n';
import type { CreditView } from '../../../preload/contract';
import { CREDIT_TEXT, remainingOf } from './credit-text';
import './credit.css';

export function CreditHint({ view }: { view: CreditView }) {
  useT(); // re-render when the language changes
  const remaining =
    view.credit !== null && (view.status === 'known' || view.status === 'error')
      ? remainingOf(view.credit)
      : null;
  return (
    <span class="field-hint nv-credit" id="nv-credit">
      {remaining === null ? CREDIT_TEXT.billed : CREDIT_TEXT.billedWithCredit(remaining)}
    </span>
  );
}
