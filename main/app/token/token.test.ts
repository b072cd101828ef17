import { describe, expect, it } from 'vitest';
import { checkToken, TokenFormatError } from './token-rules';
import { createTokenState } from './token-state';
import { createTokenVault, memoryCipher, memorySecretStorage } from './token-vault';

describe('token rules', () => {
  it('trims and accepts a pasted token, also with a Bearer prefix', () => {
    expect(checkToken('  sk-abcdef123456\n')).toBe('sk-abcdef123456');
    expect(checkToken('Bearer sk-abcdef123456')).toBe('sk-abcdef123456');
  });

  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['sk-abc def12345', /spaces/],
    ['sk-abc\tdef12345', /spaces/],
    ['sk-abcdéf12345', /printable ASCII/],
    ['sk-abc\u0000def12345', /printable ASCII/],
    ['Ab12xy', /too short/],
    ['x'.repeat(600), /too long/],
  ])('refuses %j without repeating it', (input, message) => {
    let error: unknown;
    try {
      checkToken(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TokenFormatError);
    expect((error as Error).message).toMatch(message);
    if (input.trim().length > 3)
      expect((error as Error).message).not.toContain(input.trim().slice(0, 6));
  });
});

describe('token vault', () => {
  it('stores the token encrypted, never in plain text', () => {
    const storage = memorySecretStorage();
    const vault = createTokenVault(memoryCipher('os'), storage);
    expect(vault.has()).toBe(false);
    vault.set('sk-secret-123456', 'https://api.gpt.ge');
    expect(storage.value()).toBeDefined();
    expect(storage.value()).not.toContain('sk-secret');
    expect(vault.persisted()).toBe(true);
    // A new session reads it back, bound to the same origin.
    const again = createTokenVault(memoryCipher('os'), storage);
    expect(again.tokenFor('https://api.gpt.ge')).toBe('sk-secret-123456');
    expect(again.origin()).toBe('https://api.gpt.ge');
    again.clear();
    expect(storage.value()).toBeUndefined();
    expect(again.has()).toBe(false);
  });

  it('keeps the token in memory only when the OS offers no encryption', () => {
    const storage = memorySecretStorage('c3RhbGU='); // a stale copy from another session
    const vault = createTokenVault(memoryCipher('unavailable'), storage);
    expect(vault.has()).toBe(false);
    vault.set('sk-secret-123456', 'https://api.gpt.ge');
    expect(vault.tokenFor('https://api.gpt.ge')).toBe('sk-secret-123456');
    expect(storage.value()).toBeUndefined();
    expect(vault.persisted()).toBe(false);
    expect(vault.protection()).toBe('unavailable');
  });

  it('hands the token out only for the origin it was saved for', () => {
    const storage = memorySecretStorage();
    const vault = createTokenVault(memoryCipher('os'), storage);
    vault.set('sk-secret-123456', 'https://api.gpt.ge');
    expect(vault.tokenFor('https://evil.example')).toBeNull();
    expect(vault.tokenFor('http://api.gpt.ge')).toBeNull();
    expect(vault.tokenFor('https://api.gpt.ge:8443')).toBeNull();
    vault.bind('https://gw.example.com');
    expect(vault.tokenFor('https://api.gpt.ge')).toBeNull();
    expect(vault.tokenFor('https://gw.example.com')).toBe('sk-secret-123456');
    // The binding is stored with the token, encrypted.
    expect(storage.value()).not.toContain('gw.example');
    expect(createTokenVault(memoryCipher('os'), storage).origin()).toBe('https://gw.example.com');
  });

  it('binds a token stored by an older version to the base URL configured at start-up', () => {
    const cipher = memoryCipher('os');
    const storage = memorySecretStorage(cipher.encrypt('sk-legacy-123456'));
    const vault = createTokenVault(cipher, storage, { legacyOrigin: () => 'https://api.gpt.ge' });
    expect(vault.tokenFor('https://api.gpt.ge')).toBe('sk-legacy-123456');
    // Written back with its origin, so a later base URL change cannot re-bind it on restart.
    const later = createTokenVault(cipher, storage, { legacyOrigin: () => 'https://evil.example' });
    expect(later.tokenFor('https://evil.example')).toBeNull();
    expect(later.origin()).toBe('https://api.gpt.ge');
  });

  it('drops a stored token it cannot decrypt, and says so', () => {
    const storage = memorySecretStorage(Buffer.from('garbage').toString('base64'));
    let told = 0;
    const vault = createTokenVault(memoryCipher('os'), storage, { onUnreadable: () => told++ });
    expect(vault.has()).toBe(false);
    expect(told).toBe(1);
    expect(storage.value()).toBeUndefined();
  });
});

describe('token state', () => {
  it('is missing without a token, follows tests, and a tracker 401 outranks accepted', () => {
    let has = false;
    let rejected = false;
    const state = createTokenState({ hasToken: () => has, trackerRejected: () => rejected });
    const seen: string[] = [];
    state.onChange((s) => seen.push(s));
    expect(state.get()).toBe('missing');
    has = true;
    state.reset();
    expect(state.get()).toBe('unchecked');
    state.record('accepted');
    expect(state.get()).toBe('accepted');
    rejected = true;
    state.refresh();
    expect(state.get()).toBe('rejected');
    expect(seen).toEqual(['unchecked', 'accepted', 'rejected']);
  });
});
