// The credit: why a gateway offers no credit reading (shown in Settings and the log).
import { defineCatalog } from '../../../i18n';

export const creditEn = defineCatalog({
  noRoute: (status: number) => `the gateway has no billing route (HTTP ${status})`,
  redirect: 'the gateway redirects its billing route elsewhere',
  webPage: 'the gateway answers its billing route with a web page',
  notJson: "the gateway's billing answer is not JSON",
  shape: (problem: string) => `the gateway's billing answer has an unknown shape (${problem})`,
  /** `said` is the gateway's own words. */
  refusedSaying: (said: string) => `the gateway refused its billing route: "${said}"`,
  refused: 'the gateway refused its billing route',
});
