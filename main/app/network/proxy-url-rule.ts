// The proxy URL as Settings saves it: checked by the same parser the HTTP layer and the
// command line use, kept without the trailing slash URL adds, with its user:password kept.
import { parseProxyUrl } from '../../core/http/network-config';

export function normalizeProxyUrl(typed: string): string {
  return parseProxyUrl(typed).href.replace(/\/$/, '');
}
