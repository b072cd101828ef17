import { describe, expect, it } from 'vitest';
import {
  createSystemProxyResolver,
  type SystemProxyResolverOptions,
} from './system-proxy-resolver';

/** A resolver port that answers from a table and records what it was asked. */
function port(answers: Record<string, string | Error>) {
  const asked: string[] = [];
  const resolveProxy = async (url: string): Promise<string> => {
    asked.push(url);
    const answer = answers[url] ?? answers['*'] ?? 'DIRECT';
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { asked, resolveProxy, answers };
}

function setup(
  answers: Record<string, string | Error>,
  extra: Partial<SystemProxyResolverOptions> = {},
) {
  const p = port(answers);
  let clock = 1000;
  const logs: string[] = [];
  const resolver = createSystemProxyResolver({
    resolveProxy: p.resolveProxy,
    now: () => clock,
    log: (m) => logs.push(m),
    ...extra,
  });
  return {
    ...p,
    resolver,
    logs,
    advance: (ms: number) => (clock += ms),
    resolve: (url: string) => resolver.resolve(new URL(url)),
  };
}

describe('createSystemProxyResolver', () => {
  it('asks once per origin and reuses the answer for every path of it', async () => {
    const t = setup({ 'https://api.gpt.ge/': 'PROXY 127.0.0.1:7890; DIRECT' });
    expect(await t.resolve('https://api.gpt.ge/pika/feed/1')).toBe('http://127.0.0.1:7890');
    expect(await t.resolve('https://api.gpt.ge/pika/feed/2')).toBe('http://127.0.0.1:7890');
    expect(await t.resolve('https://cdn.pika.test/v.mp4')).toBeNull();
    expect(t.asked).toEqual(['https://api.gpt.ge/', 'https://cdn.pika.test/']);
  });

  it('asks once for requests that arrive together', async () => {
    const t = setup({ '*': 'SOCKS5 127.0.0.1:7891' });
    const all = await Promise.all([1, 2, 3].map((n) => t.resolve(`https://a.test/${n}`)));
    expect(all).toEqual(Array(3).fill('socks5h://127.0.0.1:7891'));
    expect(t.asked).toHaveLength(1);
  });

  it('asks again once the answer is older than the ttl', async () => {
    const t = setup({ '*': 'DIRECT' }, { ttlMs: 60_000 });
    await t.resolve('https://a.test/');
    t.advance(59_999);
    await t.resolve('https://a.test/');
    expect(t.asked).toHaveLength(1);
    t.advance(1);
    await t.resolve('https://a.test/');
    expect(t.asked).toHaveLength(2);
  });

  it('forgets every answer when the network changes', async () => {
    const t = setup({ '*': 'PROXY 127.0.0.1:7890' });
    expect(await t.resolve('https://a.test/')).toBe('http://127.0.0.1:7890');
    // The user switched Clash's system proxy off: Chromium now says DIRECT.
    t.answers['*'] = 'DIRECT';
    expect(await t.resolve('https://a.test/')).toBe('http://127.0.0.1:7890');
    t.resolver.invalidate();
    expect(await t.resolve('https://a.test/')).toBeNull();
    expect(t.asked).toHaveLength(2);
  });

  it('falls back to the next entry of the list after a proxy failed, for a while', async () => {
    const t = setup(
      { '*': 'PROXY a.example:1; HTTPS b.example:2; DIRECT' },
      { badProxyMs: 300_000 },
    );
    expect(await t.resolve('https://x.test/')).toBe('http://a.example:1');
    t.resolver.proxyFailed('HTTP://A.example:1/');
    expect(await t.resolve('https://x.test/')).toBe('https://b.example:2');
    t.resolver.proxyFailed('https://b.example:2');
    expect(await t.resolve('https://x.test/')).toBeNull();
    // A failure also re-asks the resolver (the OS settings may have changed).
    expect(t.asked).toHaveLength(3);
    t.advance(300_000);
    expect(await t.resolve('https://x.test/')).toBe('http://a.example:1');
  });

  it('tries the first entry again when every entry failed lately', async () => {
    const t = setup({ '*': 'PROXY a.example:1; PROXY b.example:2' });
    t.resolver.proxyFailed('http://a.example:1');
    t.resolver.proxyFailed('http://b.example:2');
    expect(await t.resolve('https://x.test/')).toBe('http://a.example:1');
  });

  it('a network change also clears the failed proxies', async () => {
    const t = setup({ '*': 'PROXY a.example:1; DIRECT' });
    t.resolver.proxyFailed('http://a.example:1');
    expect(await t.resolve('https://x.test/')).toBeNull();
    t.resolver.invalidate();
    expect(await t.resolve('https://x.test/')).toBe('http://a.example:1');
  });

  it('connects directly when the resolver fails, says so, and asks again next time', async () => {
    const t = setup({ '*': new Error('session destroyed') });
    expect(await t.resolve('https://x.test/a')).toBeNull();
    expect(t.logs).toEqual([
      'No system proxy answer for https://x.test (session destroyed); connecting directly.',
    ]);
    t.answers['*'] = 'PROXY p.example:3128';
    expect(await t.resolve('https://x.test/b')).toBe('http://p.example:3128');
    expect(t.asked).toHaveLength(2);
  });

  it('a resolver that throws at once is handled like one that rejects', async () => {
    const resolver = createSystemProxyResolver({
      resolveProxy: () => {
        throw new Error('not ready');
      },
    });
    expect(await resolver.resolve(new URL('https://x.test/'))).toBeNull();
  });

  it('junk answers mean direct', async () => {
    const t = setup({ '*': 'QUIC q.example:443; nonsense' });
    expect(await t.resolve('https://x.test/')).toBeNull();
  });

  it('keeps at most maxOrigins answers, dropping the oldest', async () => {
    const t = setup({ '*': 'DIRECT' }, { maxOrigins: 2 });
    await t.resolve('https://a.test/');
    await t.resolve('https://b.test/');
    await t.resolve('https://c.test/');
    await t.resolve('https://b.test/');
    await t.resolve('https://a.test/');
    expect(t.asked).toEqual([
      'https://a.test/',
      'https://b.test/',
      'https://c.test/',
      'https://a.test/',
    ]);
  });
});
