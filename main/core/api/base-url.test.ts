import { describe, expect, it } from 'vitest';
import { DEFAULT_BASE_URL, normalizeBaseUrl } from './base-url';

describe('normalizeBaseUrl', () => {
  it('keeps https URLs and drops trailing slashes', () => {
    expect(normalizeBaseUrl('https://api.gpt.ge/')).toBe('https://api.gpt.ge');
    expect(normalizeBaseUrl('  https://api.gpt.ge///  ')).toBe('https://api.gpt.ge');
    expect(normalizeBaseUrl('https://gw.example.com:8443/prefix/')).toBe(
      'https://gw.example.com:8443/prefix',
    );
    expect(normalizeBaseUrl('HTTPS://API.GPT.GE')).toBe('https://api.gpt.ge');
  });

  it('defaults when nothing is given', () => {
    expect(normalizeBaseUrl(undefined)).toBe(DEFAULT_BASE_URL);
    expect(DEFAULT_BASE_URL).toBe('https://api.gpt.ge');
  });

  it('allows plain http only to this machine', () => {
    expect(normalizeBaseUrl('http://127.0.0.1:8787/')).toBe('http://127.0.0.1:8787');
    expect(normalizeBaseUrl('http://localhost:8787')).toBe('http://localhost:8787');
    expect(normalizeBaseUrl('http://[::1]:8787')).toBe('http://[::1]:8787');
    expect(() => normalizeBaseUrl('http://api.gpt.ge')).toThrow(/https:\/\/.*token/);
    expect(() => normalizeBaseUrl('http://127.0.0.1.evil.com')).toThrow(/https/);
  });

  it('refuses what is not a usable base URL, saying what to fix', () => {
    expect(() => normalizeBaseUrl('')).toThrow(/empty/);
    expect(() => normalizeBaseUrl('api.gpt.ge')).toThrow(
      /must start with https:\/\/ \(for example https:\/\/api\.gpt\.ge\)/,
    );
    expect(() => normalizeBaseUrl('ftp://api.gpt.ge')).toThrow(/https/);
    expect(() => normalizeBaseUrl('javascript://alert(1)')).toThrow(/https/);
    expect(() => normalizeBaseUrl('https://user:pw@api.gpt.ge')).toThrow(/user name or password/);
    expect(() => normalizeBaseUrl('https://api.gpt.ge/?x=1')).toThrow(/"\?" or "#"/);
    expect(() => normalizeBaseUrl('https://api.gpt.ge/#x')).toThrow(/"\?" or "#"/);
    expect(() => normalizeBaseUrl('https://')).toThrow(/not a valid address/);
  });
});
