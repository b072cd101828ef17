// Proxy addresses as people type them, and proxy variables read as curl reads them.
import { describe, expect, it } from 'vitest';
import { isInternalAddress, isLocalHost } from './address-guard';
import { bypassed, proxyFromEnv } from './env-proxy';
import { ProxyUrlError, describeProxy, parseProxyUrl } from './network-config';

describe('parseProxyUrl', () => {
  it('takes http, https and SOCKS proxies, with a user and password', () => {
    expect(parseProxyUrl('http://127.0.0.1:7890').href).toBe('http://127.0.0.1:7890/');
    expect(parseProxyUrl(' https://proxy.corp:8443 ').host).toBe('proxy.corp:8443');
    expect(parseProxyUrl('socks5://127.0.0.1:7891').protocol).toBe('socks5:');
    expect(parseProxyUrl('http://me:p%40ss@proxy:3128').password).toBe('p%40ss');
    // A bare host:port means http://, as in curl.
    expect(parseProxyUrl('127.0.0.1:7890').href).toBe('http://127.0.0.1:7890/');
  });

  it('refuses what it cannot use with a message naming what works, never the password', () => {
    const cases: [string, RegExp][] = [
      ['', /empty/],
      [
        'ftp://proxy:21',
        /ftp:\/\/ are not supported\. Use http:\/\/host:port, https:\/\/host:port or socks5:\/\/host:port/,
      ],
      ['pac+http://wpad/proxy.pac', /pac\+http:\/\/ are not supported/],
      ['http://me:secret@proxy:3128/path', /has a path/],
      ['http://me:secret@[bad', /is not a URL/],
    ];
    for (const [raw, message] of cases) {
      let error: unknown;
      try {
        parseProxyUrl(raw);
      } catch (e) {
        error = e;
      }
      expect(error, raw).toBeInstanceOf(ProxyUrlError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain('secret');
    }
  });

  it('shows a proxy without its user name or password', () => {
    expect(describeProxy('http://me:secret@127.0.0.1:7890')).toBe('http://127.0.0.1:7890');
  });
});

describe('proxy variables', () => {
  const https = new URL('https://api.gpt.ge/pika/feed/x');
  const http = new URL('http://cdn.example.com/v.mp4');

  it('picks the variable for the scheme, lower case first, then ALL_PROXY', () => {
    expect(proxyFromEnv(https, { HTTPS_PROXY: 'http://a:1' })).toBe('http://a:1');
    expect(proxyFromEnv(https, { https_proxy: 'http://b:1', HTTPS_PROXY: 'http://a:1' })).toBe(
      'http://b:1',
    );
    expect(proxyFromEnv(http, { HTTPS_PROXY: 'http://a:1' })).toBeNull();
    expect(proxyFromEnv(http, { HTTP_PROXY: 'http://c:1' })).toBe('http://c:1');
    expect(proxyFromEnv(http, { ALL_PROXY: 'socks5://d:1' })).toBe('socks5://d:1');
    // Without a scheme a proxy is http://, as curl has it (Clash's port is plain http).
    expect(proxyFromEnv(https, { https_proxy: '127.0.0.1:7890' })).toBe('http://127.0.0.1:7890');
    expect(proxyFromEnv(https, {})).toBeNull();
  });

  it('NO_PROXY: a name covers its subdomains; leading dots, *, IPs and CIDR ranges', () => {
    expect(bypassed('api.gpt.ge', 'gpt.ge')).toBe(true);
    expect(bypassed('api.gpt.ge', '.gpt.ge')).toBe(true);
    expect(bypassed('api.gpt.ge', '*.gpt.ge')).toBe(true);
    expect(bypassed('notgpt.ge', 'gpt.ge')).toBe(false);
    expect(bypassed('anything', '*')).toBe(true);
    expect(bypassed('10.1.2.3', '10.0.0.0/8')).toBe(true);
    expect(bypassed('11.1.2.3', '10.0.0.0/8, localhost')).toBe(false);
    expect(bypassed('127.0.0.1', 'localhost,127.0.0.1')).toBe(true);
    expect(bypassed('[::1]', '::1')).toBe(true);
    expect(bypassed('api.gpt.ge', 'api.gpt.ge:443')).toBe(true);
    expect(proxyFromEnv(https, { HTTPS_PROXY: 'http://a:1', no_proxy: 'gpt.ge' })).toBeNull();
  });
});

describe('internal addresses', () => {
  it('knows loopback, link-local, private and unique-local ranges, IPv4-mapped too', () => {
    for (const a of [
      '127.0.0.1',
      '10.0.0.1',
      '172.16.5.4',
      '192.168.1.1',
      '169.254.169.254',
      '::1',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      '0.0.0.0',
      '100.64.0.1',
    ]) {
      expect(isInternalAddress(a), a).toBe(true);
    }
    for (const a of ['8.8.8.8', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8']) {
      expect(isInternalAddress(a), a).toBe(false);
    }
    expect(isLocalHost('localhost')).toBe(true);
    expect(isLocalHost('[::1]')).toBe(true);
    expect(isLocalHost('api.gpt.ge')).toBe(false);
  });
});
