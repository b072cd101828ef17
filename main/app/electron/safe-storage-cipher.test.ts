// safeStorage on every Linux backend, with a stand-in that behaves as Electron 41 does:
// 'basic_text' reports no encryption until plain-text encryption is allowed, a keyring
// backend reports it when the keyring answers, and 'unknown' (before 'ready') never does.
// Each case saves a token, then "restarts" (a new cipher and vault over the same stored
// bytes) and holds the result to what Settings tells the user for that protection.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PROTECTION_NOTE } from '../../../preload/token-protection';
import { createTokenVault, memorySecretStorage } from '../token/token-vault';

// Each test hands its own safeStorage; the module's default must not be reached.
vi.mock('electron', () => ({ safeStorage: {}, default: { safeStorage: {} } }));
const { safeStorageCipher } = await import('./safe-storage-cipher');

type Backend = ReturnType<Electron.SafeStorage['getSelectedStorageBackend']>;

function linuxSafeStorage(backend: Backend, keyringAnswers = true) {
  let plainText = false;
  return {
    getSelectedStorageBackend: () => backend,
    setUsePlainTextEncryption: (on: boolean) => void (plainText = on),
    isEncryptionAvailable: () =>
      backend === 'unknown' ? false : backend === 'basic_text' ? plainText : keyringAnswers,
    // A reversible stand-in that visibly changes the bytes.
    encryptString: (plain: string) => Buffer.from([...Buffer.from(plain)].map((b) => b ^ 0x5a)),
    decryptString: (data: Buffer) => Buffer.from([...data].map((b) => b ^ 0x5a)).toString(),
  } satisfies Partial<Electron.SafeStorage>;
}

let disk: ReturnType<typeof memorySecretStorage>;
beforeEach(() => {
  disk = memorySecretStorage();
});

/** Saves a token in one "session", reads it in the next; returns what each saw. */
function saveThenRestart(platform: NodeJS.Platform, backend: Backend, keyringAnswers = true) {
  const first = createTokenVault(
    safeStorageCipher(platform, linuxSafeStorage(backend, keyringAnswers)),
    disk,
  );
  first.set('sk-secret-123456', 'https://api.gpt.ge');
  const second = createTokenVault(
    safeStorageCipher(platform, linuxSafeStorage(backend, keyringAnswers)),
    disk,
  );
  return {
    protection: first.protection(),
    now: first.tokenFor('https://api.gpt.ge'),
    afterRestart: second.tokenFor('https://api.gpt.ge'),
  };
}

describe('safeStorage cipher', () => {
  it.each<[Backend, 'os' | 'basic_text' | 'unavailable']>([
    ['gnome_libsecret', 'os'],
    ['kwallet', 'os'],
    ['kwallet5', 'os'],
    ['kwallet6', 'os'],
    ['basic_text', 'basic_text'],
    ['unknown', 'unavailable'],
  ])('Linux %s: reports %s and keeps the token as Settings says', (backend, protection) => {
    const seen = saveThenRestart('linux', backend);
    expect(seen.protection).toBe(protection);
    expect(seen.now).toBe('sk-secret-123456');
    const promise = PROTECTION_NOTE[protection];
    expect(seen.afterRestart).toBe(promise.keptAcrossRestarts ? 'sk-secret-123456' : null);
    // Never in plain text on disk.
    const stored = disk.value();
    if (stored !== undefined) expect(Buffer.from(stored, 'base64').toString()).not.toContain('sk-');
    // Settings warns for everything but a real keyring.
    expect(promise.text === null).toBe(protection === 'os');
  });

  it('Linux keyring backend whose keyring does not answer: session only, said so', () => {
    const seen = saveThenRestart('linux', 'gnome_libsecret', false);
    expect(seen.protection).toBe('unavailable');
    expect(seen.afterRestart).toBeNull();
    expect(disk.value()).toBeUndefined();
    expect(PROTECTION_NOTE.unavailable.keptAcrossRestarts).toBe(false);
  });

  it('allows plain-text encryption only for the basic_text backend, and only on Linux', () => {
    const calls: boolean[] = [];
    const spy = (backend: Backend) => ({
      ...linuxSafeStorage(backend),
      setUsePlainTextEncryption: (on: boolean) => void calls.push(on),
    });
    safeStorageCipher('linux', spy('gnome_libsecret'));
    safeStorageCipher('darwin', spy('basic_text'));
    expect(calls).toEqual([]);
    safeStorageCipher('linux', spy('basic_text'));
    expect(calls).toEqual([true]);
  });

  it('macOS and Windows: OS protection, kept across restarts', () => {
    for (const platform of ['darwin', 'win32'] as const) {
      // Keychain / DPAPI answer; the Linux-only backend query is not asked.
      const seen = saveThenRestart(platform, 'gnome_libsecret');
      expect(seen).toEqual({
        protection: 'os',
        now: 'sk-secret-123456',
        afterRestart: 'sk-secret-123456',
      });
    }
  });
});
