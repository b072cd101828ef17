// Settings -> Network -> Test: how the gateway was (or was not) reached.
import { defineCatalog } from '../../../i18n';

export const networkEn = defineCatalog({
  viaDirect: 'directly',
  viaDirectNoSystemProxy: 'directly (the system names no proxy for it)',
  viaProxy: (proxy: string) => `through ${proxy}`,
  viaSystemProxy: (proxy: string) => `through the system proxy ${proxy}`,
  /** `via` is one of the via… messages above. */
  reached: (host: string, via: string, status: number) =>
    `The gateway ${host} answered ${via} (HTTP ${status}).`,
  unreachable: (host: string, via: string, why: string) =>
    `${host} could not be reached ${via}: ${why}`,
  noAnswer: (seconds: number) => `no answer within ${seconds} s`,
});
