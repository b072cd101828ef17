// The token's credit in Settings, beside the token: what is left (of the limit, what was
// used, when checked), Refresh, a top-up link for a known gateway, and the low-credit
// warning threshold. A gateway that does not offer credit hides all of it.
import { useT } from '../i18n/i18n';
import { useEffect, useState } from 'preact/hooks';
import type { SettingsView } from '../../../preload/contract';
import { useBridge } from '../bridge';
import { CommittedInput } from '../components/committed-input';
import { Field } from '../components/field';
import { errorMessage } from '../lib/format';
import { clock, CREDIT_TEXT, formatUsd, hostOf, remainingOf } from './credit-text';
import { useCredit } from './use-credit';
import './credit.css';

export function CreditBlock({
  view: settingsView,
  onView,
}: {
  view: SettingsView;
  onView: (v: SettingsView) => void;
}) {
  useT(); // re-render when the language changes
  const bridge = useBridge();
  const { view, loaded, refresh, ask } = useCredit(bridge);
  const [thresholdError, setThresholdError] = useState<string | null>(null);
  // A token just saved or replaced: main dropped the old credit; ask for the new one's.
  useEffect(() => {
    if (loaded && settingsView.hasToken && view.status === 'none' && !view.refreshing) ask();
  }, [loaded, settingsView.hasToken, view.status]);
  if (!settingsView.hasToken || view.status === 'hidden') return null;

  const saveThreshold = async (text: string) => {
    const n = Number(text.trim());
    if (text.trim() === '' || !Number.isFinite(n)) {
      setThresholdError(CREDIT_TEXT.enterNumber);
      return;
    }
    try {
      onView(await bridge.settings.update({ lowCreditUsd: n }));
      setThresholdError(null);
    } catch (err) {
      setThresholdError(errorMessage(err));
    }
  };

  const credit = view.credit;
  const remaining = credit ? remainingOf(credit) : null;
  const amount =
    credit === null || remaining === null
      ? null
      : credit.unlimited
        ? CREDIT_TEXT.unlimited
        : credit.limitUsd !== null
          ? `${CREDIT_TEXT.left(remaining)} ${CREDIT_TEXT.ofLimit(formatUsd(credit.limitUsd))}`
          : CREDIT_TEXT.left(remaining);
  const details: string[] = [];
  if (credit?.usedUsd !== null && credit?.usedUsd !== undefined)
    details.push(CREDIT_TEXT.used(formatUsd(credit.usedUsd)));
  if (view.checkedAt !== null) details.push(CREDIT_TEXT.checkedAt(clock(view.checkedAt)));

  return (
    <div class="credit" aria-labelledby="credit-title">
      <div class="credit-row">
        <p class="credit-line" id="credit-title" role="status" aria-live="polite">
          <span class="credit-label">{CREDIT_TEXT.title}</span>{' '}
          {amount !== null ? (
            <>
              <strong class="credit-amount">{amount}</strong>
              {details.map((d) => (
                <span key={d} class="credit-details">
                  {' · '}
                  {d}
                </span>
              ))}
            </>
          ) : view.refreshing ? (
            <span class="credit-details">{CREDIT_TEXT.checking}</span>
          ) : view.status === 'error' && view.message ? (
            <span class="credit-error">{CREDIT_TEXT.failed(view.message)}</span>
          ) : (
            <span class="credit-details">{CREDIT_TEXT.notChecked}</span>
          )}
        </p>
        <button
          type="button"
          class="btn btn-small"
          aria-label={CREDIT_TEXT.refreshLabel}
          disabled={view.refreshing}
          onClick={refresh}
        >
          {CREDIT_TEXT.refresh}
        </button>
        {view.topUpUrl ? (
          <button
            type="button"
            class="btn btn-small btn-ghost"
            aria-label={CREDIT_TEXT.topUpLabel(hostOf(view.topUpUrl))}
            onClick={() => void bridge.credit.openTopUp()}
          >
            {CREDIT_TEXT.topUp}
          </button>
        ) : null}
      </div>
      {remaining !== null && view.status === 'error' && view.message ? (
        <p class="credit-error">{CREDIT_TEXT.stale(view.message)}</p>
      ) : null}
      <Field
        id="lowCreditUsd"
        label={CREDIT_TEXT.threshold}
        hint={CREDIT_TEXT.thresholdHint}
        error={thresholdError}
      >
        <CommittedInput
          id="lowCreditUsd"
          type="number"
          min={0}
          step={0.5}
          hint
          value={formatThreshold(settingsView.settings.lowCreditUsd)}
          error={thresholdError}
          onCommit={(v) => void saveThreshold(v)}
        />
      </Field>
    </div>
  );
}

/** "1.00" for the number field ($ is in the label). */
function formatThreshold(usd: number): string {
  return formatUsd(usd).replace(/^\$/, '').replace(/,/g, '');
}
