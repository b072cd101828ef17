import { beforeEach, describe, expect, it, vi } from 'vitest';

const state = vi.hoisted(() => ({
  available: true,
  backend: 'gnome_libsecret' as ReturnType<Electron.SafeStorage['getSelectedStorageBackend']>,
}));

vi.mock('electron', () => {
  const safeStorage = {
    isEncryptionAvailable: () => state.available,
    getSelectedStorageBackend: () => state.backend,
    // A reversible stand-in that visibly changes the bytes.
    encryptString: (plain: string) => Buffer.from([...Buffer.from(plain)].map((b) => b ^ 0x5a)),
    decryptString: (data: Buffer) => Buffer.from([...data].map((b) => b ^ 0x5a)).toString(),
  } satisfies Partial<Electron.SafeStorage>;
  return { safeStorage, default: { safeStorage } };
});

const { safeStorageCipher } = await import('./safe-storage-cipher');
const { createTokenVault, memorySecretStorage } = await import('../token/token-vault');

beforeEach(() => {
  state.available = true;
  state.backend = 'gnome_libsecret';
});

describe('safeStorage cipher', () => {
  it('reports OS protection with a keyring, and round-trips through base64', () => {
    const cipher = safeStorageCipher('linux');
    expect(cipher.protection()).toBe('os');
    const stored = cipher.encrypt('sk-secret-123456');
    expect(Buffer.from(stored, 'base64').toString()).not.toContain('sk-secret');
    expect(cipher.decrypt(stored)).toBe('sk-secret-123456');
  });

  it("reports Linux's fixed-key fallback plainly", () => {
    state.backend = 'basic_text';
    expect(safeStorageCipher('linux').protection()).toBe('basic_text');
    expect(safeStorageCipher('darwin').protection()).toBe('os');
  });

  it('with no encryption the vault keeps the token in memory only', () => {
    state.available = false;
    const storage = memorySecretStorage();
    const vault = createTokenVault(safeStorageCipher('linux'), storage);
    vault.set('sk-secret-123456', 'https://api.gpt.ge');
    expect(vault.protection()).toBe('unavailable');
    expect(vault.tokenFor('https://api.gpt.ge')).toBe('sk-secret-123456');
    expect(storage.value()).toBeUndefined();
  });
});
