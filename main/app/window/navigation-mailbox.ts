// "Open the window on this task" must not be lost while the page is still starting: main
// may ask before the renderer has subscribed (cold start from a notification or a link),
// and an event sent then reaches no listener. So a navigation waits here until the renderer
// says it listens (app:take-navigation, asked once its listeners are set); after that it is
// sent at once, until the page loads again.
import type { Navigation } from '../../../preload/contract';

export interface NavigationMailbox {
  /** Main wants the window on this view or task. */
  deliver(navigation: Navigation): void;
  /** The renderer listens now: hands over what waited (the latest only), or null. */
  take(): Navigation | null;
  /** The page (re)loads: it listens again only once it asks again. */
  pageLoading(): void;
}

export function createNavigationMailbox(options: {
  /** Sends to the listening renderer (app:focus-task / app:navigate). */
  send(navigation: Navigation): void;
}): NavigationMailbox {
  let listening = false;
  let pending: Navigation | null = null;
  return {
    deliver(navigation) {
      if (listening) options.send(navigation);
      else pending = navigation;
    },
    take() {
      listening = true;
      const waiting = pending;
      pending = null;
      return waiting;
    },
    pageLoading() {
      listening = false;
    },
  };
}
