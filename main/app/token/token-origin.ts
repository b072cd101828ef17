// The saved token goes only to the origin it was saved for. When the base URL's origin
// changes (a compromised renderer can change it through settings:update), main asks the
// user in a native dialog before the token may go to the new origin; until then no request
// carries it there (the vault hands it out per origin).
import type { AppServices } from '../services';
import { renderMessage, say, type MessageRef } from '../../core/text/message-ref';

export function originOf(baseUrl: string): string {
  return new URL(baseUrl).origin;
}

export type TokenOriginCheck = 'ok' | 'missing' | 'declined';

/**
 * Makes sure the saved token may go to the configured base URL's origin, asking the user
 * when it was saved for another. One question at a time: a second caller waits for the
 * same answer instead of stacking dialogs.
 */
export function createTokenOriginGuard(
  services: Pick<AppServices, 'vault' | 'settings' | 'dialog' | 'tokenState' | 'tracker'>,
): () => Promise<TokenOriginCheck> {
  let asking: { to: string; answer: Promise<TokenOriginCheck> } | null = null;
  return async () => {
    const { vault } = services;
    if (!vault.has()) return 'missing';
    const to = originOf(services.settings.get().baseUrl);
    if (vault.origin() === to) return 'ok';
    if (asking?.to !== to) {
      const from = vault.origin();
      const answer = services.dialog.confirmTokenOrigin(from, to).then(
        (yes): TokenOriginCheck => {
          // The URL may have changed again while the dialog was open: bind only to what
          // the user was shown.
          if (!yes || originOf(services.settings.get().baseUrl) !== to) return 'declined';
          vault.bind(to);
          services.tokenState.reset();
          services.tracker.tokenChanged();
          return 'ok';
        },
        (): TokenOriginCheck => 'declined',
      );
      asking = { to, answer };
      void answer.finally(() => {
        if (asking?.answer === answer) asking = null;
      });
    }
    return asking.answer;
  };
}

/** What the renderer is told when the token was kept from a new origin. */
export function tokenNotSentMessage(services: Pick<AppServices, 'vault' | 'settings'>): string {
  return renderMessage(tokenNotSentRef(services), 'en');
}

/** The same, as a message for the reader's language. */
export function tokenNotSentRef(services: Pick<AppServices, 'vault' | 'settings'>): MessageRef {
  const to = originOf(services.settings.get().baseUrl);
  const from = services.vault.origin();
  return from ? say('token.notSentFrom', to, from) : say('token.notSent', to);
}
