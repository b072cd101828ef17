// The loopback CONNECT proxy (the tests' own) in a process of its own, so what it costs is
// neither curl's nor ours; both sides of the proxied download go through it alike.
import { startConnectProxy, type TestProxy } from '../../test/support/connect-proxy';
import { serveRequests } from '../lib/child';

let proxy: TestProxy | null = null;

serveRequests(async (message) => {
  if (message.type === 'start') {
    proxy = await startConnectProxy({ hosts: message.hosts as Record<string, number> });
    return proxy.url;
  }
  if (message.type === 'close') {
    await proxy?.close();
    proxy = null;
    return null;
  }
  throw new Error(`unknown message ${String(message.type)}`);
});
