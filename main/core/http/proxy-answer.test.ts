import { describe, expect, it } from 'vitest';
import { parseProxyAnswer, proxyOf } from './proxy-answer';

const urls = (answer: unknown) => parseProxyAnswer(answer).map(proxyOf);

describe('parseProxyAnswer (Chromium resolveProxy answers)', () => {
  it('maps each keyword to its proxy URL scheme', () => {
    expect(urls('DIRECT')).toEqual([null]);
    expect(urls('PROXY 127.0.0.1:7890')).toEqual(['http://127.0.0.1:7890']);
    expect(urls('HTTPS proxy.corp.example:443')).toEqual(['https://proxy.corp.example:443']);
    expect(urls('SOCKS 10.0.0.1:1080')).toEqual(['socks4://10.0.0.1:1080']);
    expect(urls('SOCKS4 10.0.0.1:1080')).toEqual(['socks4://10.0.0.1:1080']);
    // Chromium's SOCKS5 lets the proxy resolve names: socks5h.
    expect(urls('SOCKS5 127.0.0.1:7891')).toEqual(['socks5h://127.0.0.1:7891']);
    expect(urls('HTTP 127.0.0.1:8080')).toEqual(['http://127.0.0.1:8080']);
  });

  it('keeps the order of a list with fallbacks, ignoring case and spacing', () => {
    expect(urls('PROXY a.example:3128; proxy  b.example:8080 ;DIRECT')).toEqual([
      'http://a.example:3128',
      'http://b.example:8080',
      null,
    ]);
    expect(urls('SOCKS5 127.0.0.1:7891;PROXY 127.0.0.1:7890')).toEqual([
      'socks5h://127.0.0.1:7891',
      'http://127.0.0.1:7890',
    ]);
  });

  it('accepts IPv6 literals and lower-cases host names', () => {
    expect(urls('PROXY [::1]:7890')).toEqual(['http://[::1]:7890']);
    expect(urls('PROXY Proxy.Corp.Example:80')).toEqual(['http://proxy.corp.example:80']);
  });

  it('skips entries it cannot use, so the next entry applies', () => {
    expect(urls('QUIC quic.example:443; PROXY p.example:80')).toEqual(['http://p.example:80']);
    expect(urls('PROXY noport; DIRECT')).toEqual([null]);
    expect(urls('PROXY p.example:0; PROXY p.example:70000; PROXY ok.example:1')).toEqual([
      'http://ok.example:1',
    ]);
    expect(urls('PROXY user:pw@p.example:80; DIRECT')).toEqual([null]);
    // Nothing usable at all: direct, as Chromium does.
    expect(urls('PROXY a:1 b:2; DIRECT extra')).toEqual([null]);
  });

  it('drops repeated entries', () => {
    expect(urls('PROXY a.example:1; DIRECT; PROXY a.example:1; DIRECT')).toEqual([
      'http://a.example:1',
      null,
    ]);
  });

  it('reads an empty, junk or non-string answer as direct', () => {
    for (const answer of [
      '',
      '   ',
      ';;',
      'garbage',
      'PROXY',
      42,
      null,
      undefined,
      'x'.repeat(5000),
    ]) {
      expect(parseProxyAnswer(answer)).toEqual([{ kind: 'direct' }]);
    }
  });
});
