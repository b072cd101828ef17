// Starting a generation. Each call is billed, so one requestId sends at most one request:
// a repeat (double click, retry after a lost answer) gets the same promise. Nothing is
// retried automatically; when no answer came the user is told to look before resending.
import { PikaApiError } from '../../core/api/errors';
import { topUpUrlFor } from '../../core/credit/gateways';
import { isQuotaRefusal } from '../../core/credit/quota';
import { generateFailureOf, UNKNOWN_OUTCOME } from '../../core/generate/generate-outcome';
import type { Locale } from '../../core/i18n/locale';
import { renderMessage, say } from '../../core/text/message-ref';
import { textOf } from '../../core/text/text-error';
import type { GenerateOutcome, GenerateRequest, TrackedTask } from '../../../preload/contract';
import type { InvokeHandlers } from '../ipc/handler-types';
import type { AppServices } from '../services';
import {
  createTokenOriginGuard,
  tokenNotSentRef,
  type TokenOriginCheck,
} from '../token/token-origin';

/** Outcomes kept for repeats; older request ids are forgotten. */
const REMEMBERED = 200;

export const UNKNOWN_OUTCOME_MESSAGE = UNKNOWN_OUTCOME;

// The core decides what a failure means (refused, never sent, or unknown), as for the CLI;
// the words are the window's language (the client's error renders through its ref).
function outcomeOfError(error: unknown, locale: Locale): GenerateOutcome {
  const failure = generateFailureOf(error);
  switch (failure.outcome) {
    case 'rejected': {
      // Under a field the server's own words read best; elsewhere the full explanation.
      const serverWords = error instanceof PikaApiError ? error.serverMessage : undefined;
      const outcome: GenerateOutcome = {
        outcome: 'rejected',
        kind: failure.kind,
        message: failure.field !== undefined && serverWords ? serverWords : textOf(failure, locale),
      };
      if (failure.field !== undefined) outcome.field = failure.field;
      return outcome;
    }
    case 'not-sent':
      // The connection was never made: nothing can have been billed, so sending again is safe.
      return { outcome: 'rejected', kind: 'network', message: textOf(failure, locale) };
    case 'unknown':
      return { outcome: 'unknown', message: textOf(failure, locale) };
  }
}

/** Out of credit: said plainly, with the gateway's top-up page when it is a known one. */
function quotaOutcome(services: AppServices): GenerateOutcome {
  const baseUrl = services.settings.get().baseUrl;
  let host: string | null;
  try {
    host = new URL(baseUrl).host;
  } catch {
    host = null;
  }
  // The credit now reads (close to) nothing; show that rather than an older figure.
  void services.credit.refresh('generated');
  const outcome: GenerateOutcome = {
    outcome: 'rejected',
    kind: 'forbidden',
    message: renderMessage(
      host ? say('generate.quotaRefusal', host) : say('generate.quotaRefusalNoHost'),
      services.locale(),
    ),
  };
  const topUpUrl = topUpUrlFor(baseUrl);
  if (topUpUrl !== null) outcome.topUpUrl = topUpUrl;
  return outcome;
}

export function generateHandlers(
  services: AppServices,
  tokenOrigin: () => Promise<TokenOriginCheck> = createTokenOriginGuard(services),
): Pick<InvokeHandlers, 'generate:create'> {
  const inFlight = new Map<string, Promise<GenerateOutcome>>();

  const run = async (request: GenerateRequest): Promise<GenerateOutcome> => {
    if (request.promptText.trim() === '' && !request.image && !request.video) {
      return {
        outcome: 'rejected',
        kind: 'bad-request',
        message: renderMessage(say('generate.writePrompt'), services.locale()),
        field: 'promptText',
      };
    }
    const origin = await tokenOrigin();
    if (origin !== 'ok') {
      return {
        outcome: 'rejected',
        kind: 'token-rejected',
        message: renderMessage(
          origin === 'missing' ? say('token.addFirst') : tokenNotSentRef(services),
          services.locale(),
        ),
      };
    }
    let id: string;
    try {
      ({ id } = await services.client.generate(request));
    } catch (error) {
      if (isQuotaRefusal(error)) return quotaOutcome(services);
      return outcomeOfError(error, services.locale());
    }
    // The video is billed: the credit shown should follow.
    void services.credit.refresh('generated');
    const { added } = services.tracker.add([id]);
    const task: TrackedTask | undefined = added[0] ?? services.tracker.get(id);
    if (!task) {
      return {
        outcome: 'unknown',
        message: renderMessage(say('generate.notTracked', id), services.locale()),
      };
    }
    return { outcome: 'created', task };
  };

  return {
    'generate:create': (request, requestId) => {
      const existing = inFlight.get(requestId);
      if (existing) return existing;
      const promise = run(request);
      inFlight.set(requestId, promise);
      if (inFlight.size > REMEMBERED) {
        const oldest = inFlight.keys().next().value;
        if (oldest !== undefined) inFlight.delete(oldest);
      }
      return promise;
    },
  };
}
