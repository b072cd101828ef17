// Token intents. The token goes in once ('token:set') and never comes back out: results
// are the settings view (hasToken / tokenState / tokenProtection) and test verdicts whose
// messages come from our own wording or the server's, never from the token.
import { PikaApiError } from '../../core/api/errors';
import type { TokenTestResult } from '../../../preload/contract';
import type { InvokeHandlers } from '../ipc/handler-types';
import type { AppServices } from '../services';
import { checkToken } from '../token/token-rules';
import {
  createTokenOriginGuard,
  originOf,
  tokenNotSentRef,
  type TokenOriginCheck,
} from '../token/token-origin';
import { settingsViewOf } from './settings';
import type { Locale } from '../../core/i18n/locale';
import { renderMessage, say, type MessageRef } from '../../core/text/message-ref';
import { textArgOf } from '../../core/text/text-arg';

/** A well-formed task id no task has: the cheapest authenticated call the API offers. */
export const PROBE_TASK_ID = '00000000-0000-4000-8000-000000000000';

/** What a token test's failure means, in words of `locale` (English by default). */
export function tokenTestResultOf(error: unknown, locale: Locale = 'en'): TokenTestResult {
  const words = (ref: MessageRef): string => renderMessage(ref, locale);
  if (!(error instanceof PikaApiError)) {
    return { result: 'unreachable', message: words(say('token.notChecked')) };
  }
  switch (error.kind) {
    case 'unknown-task':
      // The gateway looked the task up, so it accepted the token first.
      return { result: 'accepted' };
    case 'token-rejected':
      return { result: 'rejected', message: words(say('token.refused')) };
    case 'forbidden':
      return {
        result: 'rejected',
        message: words(say('token.forbidden', error.serverMessage ?? textArgOf(error))),
      };
    default:
      return { result: 'unreachable', message: words(say('token.unreachable', textArgOf(error))) };
  }
}

export function tokenHandlers(
  services: AppServices,
  tokenOrigin: () => Promise<TokenOriginCheck> = createTokenOriginGuard(services),
): Pick<InvokeHandlers, 'token:set' | 'token:clear' | 'token:test'> {
  const { vault, tokenState, tracker } = services;
  return {
    // A token typed in is meant for the server configured now.
    'token:set': (input) => {
      vault.set(checkToken(input), originOf(services.settings.get().baseUrl));
      tokenState.reset();
      services.credit.sync();
      tracker.tokenChanged();
      return settingsViewOf(services);
    },
    'token:clear': () => {
      vault.clear();
      tokenState.reset();
      services.credit.sync();
      return settingsViewOf(services);
    },
    'token:test': async () => {
      const origin = await tokenOrigin();
      const locale = services.locale();
      if (origin === 'missing') {
        return { result: 'rejected', message: renderMessage(say('token.noneSaved'), locale) };
      }
      if (origin === 'declined') {
        return { result: 'rejected', message: renderMessage(tokenNotSentRef(services), locale) };
      }
      let verdict: TokenTestResult;
      try {
        await services.client.getTask(PROBE_TASK_ID);
        verdict = { result: 'accepted' };
      } catch (error) {
        verdict = tokenTestResultOf(error, locale);
      }
      if (verdict.result === 'accepted') {
        tokenState.record('accepted');
        // A 401 pause is lifted by a token that now works (e.g. credit topped up).
        tracker.tokenChanged();
      } else if (verdict.result === 'rejected') {
        tokenState.record('rejected');
      }
      return verdict;
    },
  };
}
