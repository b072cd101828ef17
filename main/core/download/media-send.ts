// One hop of a media GET (video or poster) through the HTTP layer, with the checks for hosts
// named by server data, and the layer's errors turned into DownloadErrors a person reads.
import type { IncomingMessage } from 'node:http';
import { InternalAddressError } from '../http/address-guard';
import type { MediaAccess } from '../http/media-access';
import { ProxyError } from '../http/proxy-error';
import { ProxyUrlError } from '../http/network-config';
import { DownloadError } from './download-error';
import { say } from '../text/message-ref';

/** Media errors a person understands, as DownloadErrors; other errors pass unchanged. */
export function mediaError(error: unknown): unknown {
  if (error instanceof InternalAddressError) {
    return new DownloadError(
      'bad-url',
      say('download.internalAddress', error.host, error.address),
      {
        cause: error,
      },
    );
  }
  if (error instanceof ProxyError || error instanceof ProxyUrlError) {
    return new DownloadError('network', error instanceof ProxyError ? error.ref : error.message, {
      cause: error,
      ...(error instanceof ProxyError ? { code: error.code } : {}),
    });
  }
  return error;
}

/** One GET of one hop through `access`; internal hosts and plain http refused when guarded. */
export async function sendMediaRequest(
  access: MediaAccess,
  url: URL,
  headers: Record<string, string>,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  if (access.guarded && url.protocol === 'http:') {
    throw new DownloadError('bad-url', say('download.plainHttp', url.host));
  }
  try {
    return await access.http.request(url, {
      method: 'GET',
      headers,
      signal,
      refuseInternal: access.guarded,
    });
  } catch (error) {
    throw mediaError(error);
  }
}
