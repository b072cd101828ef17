// The fake Pika server in its own process, so the pollers' CPU time and memory are theirs
// alone. The parent creates tasks (all starting now), asks when they ended, and reads counts.
import {
  startFakePika,
  type FakeFault,
  type FakePika,
  type FakeTaskSpec,
} from '../../test/fake-server/index';
import { serveRequests } from '../lib/child';

let fake: FakePika | null = null;

const server = (): FakePika => {
  if (!fake) throw new Error('fake server not started');
  return fake;
};

serveRequests(async (message) => {
  switch (message.type) {
    case 'start': {
      await fake?.close();
      fake = await startFakePika({
        ...(message.rateLimit
          ? { rateLimit: message.rateLimit as { max: number; windowMs: number } }
          : {}),
        // The download bench serves https, as CDNs do (issue 13).
        ...(message.tls ? { tls: message.tls as { key: string; cert: string } } : {}),
      });
      return { url: fake.url, token: fake.token };
    }
    case 'add':
      return (message.specs as FakeTaskSpec[]).map((spec) => server().addTask(spec));
    case 'fault':
      server().fault(message.fault as FakeFault);
      return null;
    case 'endedAt':
      return Object.fromEntries((message.ids as string[]).map((id) => [id, server().endedAt(id)]));
    case 'requests': {
      const log = server().requests;
      const route = message.pathPrefix as string | undefined;
      const picked = route ? log.filter((r) => r.path.startsWith(route)) : log;
      return message.full
        ? picked
        : { total: picked.length, rateLimited: picked.filter((r) => r.status === 429).length };
    }
    case 'close':
      await fake?.close();
      fake = null;
      return null;
    default:
      throw new Error(`unknown message ${String(message.type)}`);
  }
});
