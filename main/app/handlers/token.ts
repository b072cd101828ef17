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
  tokenNotSentMessage,
  type TokenOriginCheck,
} from '../token/token-origin';
import { settingsViewOf } from './settings';

/** A well-formed task id no task has: the cheapest authenticated call the API offers. */
export const PROBE_TASK_ID = '00000000-0000-4000-8000-000000000000';

export function tokenTestResultOf(error: unknown): TokenTestResult {
  if (!(error instanceof PikaApiError)) {
    return { result: 'unreachable', message: 'The token could not be checked (unexpected error).' };
  }
  switch (error.kind) {
    case 'unknown-task':
      // The gateway looked the task up, so it accepted the token first.
      return { result: 'accepted' };
    case 'token-rejected':
      return {
        result: 'rejected',
        message: 'The server refused this token (invalid, expired or out of credit).',
      };
    case 'forbidden':
      return {
        result: 'rejected',
        message: `The server refused access: ${error.serverMessage ?? error.message}`,
      };
    default:
      return {
        result: 'unreachable',
        message: `The server could not be reached: ${error.message}`,
      };
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
      if (origin === 'missing') return { result: 'rejected', message: 'No token is saved yet.' };
      if (origin === 'declined') {
        return { result: 'rejected', message: tokenNotSentMessage(services) };
      }
      let verdict: TokenTestResult;
      try {
        await services.client.getTask(PROBE_TASK_ID);
        verdict = { result: 'accepted' };
      } catch (error) {
        verdict = tokenTestResultOf(error);
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
