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
    vault.set('sk-secret-123456');
    expect(storage.value()).toBeDefined();
    expect(storage.value()).not.toContain('sk-secret');
    expect(vault.persisted()).toBe(true);
    // A new session reads it back.
    const again = createTokenVault(memoryCipher('os'), storage);
    expect(again.get()).toBe('sk-secret-123456');
    again.clear();
    expect(storage.value()).toBeUndefined();
    expect(again.has()).toBe(false);
  });

  it('keeps the token in memory only when the OS offers no encryption', () => {
    const storage = memorySecretStorage('c3RhbGU='); // a stale copy from another session
    const vault = createTokenVault(memoryCipher('unavailable'), storage);
    expect(vault.has()).toBe(false);
    vault.set('sk-secret-123456');
    expect(vault.get()).toBe('sk-secret-123456');
    expect(storage.value()).toBeUndefined();
    expect(vault.persisted()).toBe(false);
    expect(vault.protection()).toBe('unavailable');
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
