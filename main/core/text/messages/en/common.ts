// Words many messages share: how the server's own words are marked.
import { defineCatalog } from '../../../i18n';

export const commonEn = defineCatalog({
  /** The server's words, as it sent them, in whatever language: marked as its words. */
  serverSaid: (words: string) => `The server said: "${words}"`,
  /** A message followed by another that says why, for wrapping a cause. */
  because: (what: string, why: string) => `${what}: ${why}`,
});
