// The app's view of the token's credit: asks through fetchCredit when the refresh policy
// allows, keeps the last reading, and tells listeners when the view changes. Electron-free;
// the clock and the one-shot timer are injected, so tests drive it without waiting.
//
// The only timer it ever arms is the one a `later` decision asks for (an event inside the
// minute since the last request), and it is cleared when it fires or the service closes.
import { PikaApiError } from '../api/errors';
import { fetchCredit, type RouteSource } from './fetch-credit';
import { topUpUrlFor } from './gateways';
import { createRefreshPolicy, type RefreshPolicy, type RefreshReason } from './refresh-policy';
import { NO_CREDIT_VIEW, type CreditView } from './types';
import { readMessageRef } from '../text/message-ref';

/** Runs `run` once after `ms`; returns a function that cancels it. */
export type OneShot = (run: () => void, ms: number) => () => void;

export interface CreditServiceOptions {
  source: RouteSource;
  baseUrl(): string;
  /** Names the base URL + token (e.g. base URL and a hash of the token); null without a token. */
  identity(): string | null;
  now?: () => number;
  oneShot?: OneShot;
  policy?: RefreshPolicy;
  /** What an answer showed about the token: an answer accepts it, a 401 rejects it. */
  onTokenAnswer?(state: 'accepted' | 'rejected'): void;
  log?(message: string): void;
}

export interface CreditService {
  /** Asks if the policy allows; resolves with the view once any request has settled. */
  refresh(reason: RefreshReason): Promise<CreditView>;
  current(): CreditView;
  /** The base URL or token may have changed: drop a view of the old one. */
  sync(): void;
  onChange(listener: (view: CreditView) => void): () => void;
  close(): void;
}

const defaultOneShot: OneShot = (run, ms) => {
  const timer = setTimeout(run, ms);
  // A pending refresh must never keep the process (the CLI, tests) alive.
  timer.unref?.();
  return () => clearTimeout(timer);
};

export function createCreditService(options: CreditServiceOptions): CreditService {
  const now = options.now ?? Date.now;
  const oneShot = options.oneShot ?? defaultOneShot;
  const policy = options.policy ?? createRefreshPolicy();
  const listeners = new Set<(view: CreditView) => void>();
  let view: CreditView = { ...NO_CREDIT_VIEW };
  let inFlight: Promise<CreditView> | null = null;
  let cancelLater: (() => void) | null = null;
  let closed = false;
  /** Bumped when the identity changes: an answer for the old one is dropped. */
  let generation = 0;

  const set = (next: CreditView): void => {
    if (JSON.stringify(next) === JSON.stringify(view)) return;
    view = next;
    for (const listener of [...listeners]) listener(view);
  };

  const sync = (): void => {
    const identity = options.identity();
    if (!policy.changed(identity)) return;
    generation += 1;
    cancelLater?.();
    cancelLater = null;
    inFlight = null;
    policy.decide('open', identity, now());
    set({ ...NO_CREDIT_VIEW, topUpUrl: topUpUrlFor(options.baseUrl()) });
  };

  const run = async (): Promise<CreditView> => {
    const mine = generation;
    policy.started(now());
    const topUpUrl = topUpUrlFor(options.baseUrl());
    set({ ...view, refreshing: true, topUpUrl });
    try {
      const reading = await fetchCredit(options.source, { now: now() });
      if (mine !== generation || closed) return view;
      policy.settled(reading.offered ? 'offered' : 'not-offered', now());
      // Only amounts prove the token works: many gateways answer an unknown route before
      // they look at the token.
      if (reading.offered) options.onTokenAnswer?.('accepted');
      if (!reading.offered) {
        options.log?.(`Credit hidden: ${reading.reason}`);
        set({ ...NO_CREDIT_VIEW, status: 'hidden', message: reading.reason, topUpUrl });
      } else {
        const { offered: _offered, ...credit } = reading;
        set({
          status: 'known',
          credit,
          checkedAt: now(),
          message: null,
          topUpUrl,
          refreshing: false,
        });
      }
    } catch (error) {
      if (mine !== generation || closed) return view;
      policy.settled('failed', now());
      if (error instanceof PikaApiError && error.kind === 'token-rejected')
        options.onTokenAnswer?.('rejected');
      const message = error instanceof Error ? error.message : String(error);
      const ref = readMessageRef((error as { ref?: unknown } | null)?.ref);
      const { ref: _old, ...before } = view;
      set({
        ...before,
        status: 'error',
        message,
        ...(ref ? { ref } : {}),
        refreshing: false,
        topUpUrl,
      });
    }
    return view;
  };

  const refresh = (reason: RefreshReason): Promise<CreditView> => {
    if (closed) return Promise.resolve(view);
    sync();
    if (inFlight) return inFlight;
    const decision = policy.decide(reason, options.identity(), now());
    if (decision.kind === 'skip') return Promise.resolve(view);
    if (decision.kind === 'later') {
      cancelLater ??= oneShot(
        () => {
          cancelLater = null;
          void refresh(reason);
        },
        Math.max(0, decision.at - now()),
      );
      return Promise.resolve(view);
    }
    const request = run().finally(() => {
      if (inFlight === request) inFlight = null;
    });
    inFlight = request;
    return request;
  };

  return {
    refresh,
    current: () => view,
    sync,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closed = true;
      cancelLater?.();
      cancelLater = null;
      listeners.clear();
    },
  };
}
