// How hosts named by server data (a feed's video and poster URLs) are reached: through the
// network configuration's layer, and, when the gateway is not itself local, never at an
// internal address and never over plain http (issue 16: a feed must not make the app fetch
// from inside the user's machine or network, or in the clear).
import { isLocalHost } from './address-guard';
import { defaultHttpLayer, type HttpLayer } from './http-layer';

export interface MediaAccess {
  http: HttpLayer;
  /** Refuse internal addresses and plain http: the gateway is not local. */
  guarded: boolean;
}

/** Access for media named by the gateway at `gatewayUrl`; null: no gateway known (tests,
 * tools fetching a URL the user gave), so nothing to protect against. */
export function mediaAccessFor(http: HttpLayer, gatewayUrl: string | null): MediaAccess {
  if (gatewayUrl === null) return { http, guarded: false };
  let host: string;
  try {
    host = new URL(gatewayUrl).hostname;
  } catch {
    return { http, guarded: true };
  }
  return { http, guarded: !isLocalHost(host) };
}

/** The default: proxy variables, no gateway to compare with. */
export function defaultMediaAccess(): MediaAccess {
  return { http: defaultHttpLayer(), guarded: false };
}

/** Access for the videos of tasks read through `client`: its layer, guarded by its gateway. */
export function mediaAccessOf(client: object): MediaAccess {
  const { baseUrl, http } = client as { baseUrl?: unknown; http?: HttpLayer };
  return mediaAccessFor(http ?? defaultHttpLayer(), typeof baseUrl === 'string' ? baseUrl : null);
}
