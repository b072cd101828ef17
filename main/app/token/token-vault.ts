// Keeps the API token encrypted at rest through a cipher port (Electron's safeStorage in
// the app). When the OS offers no encryption at all, the token is kept in memory for this
// session only and reported as 'unavailable': we never write it in plain text silently.
import type { TokenProtection } from '../../../preload/contract';
import type { TokenVault } from '../services';

export interface TokenCipher {
  /** 'os' = keychain/DPAPI/libsecret; 'basic_text' = Linux fallback with a fixed key. */
  protection(): TokenProtection;
  /** Returns base64 ciphertext. Only called when protection() is not 'unavailable'. */
  encrypt(plain: string): string;
  decrypt(base64: string): string;
}

export interface SecretStorage {
  read(): string | undefined;
  write(base64: string): void;
  erase(): void;
}

export interface TokenVaultEvents {
  /** A stored token could not be decrypted (keyring changed) and was dropped. */
  onUnreadable?: () => void;
}

export function createTokenVault(
  cipher: TokenCipher,
  storage: SecretStorage,
  events: TokenVaultEvents = {},
): TokenVault & { persisted(): boolean } {
  let memory: string | null = null;
  let loaded = false;

  const load = (): void => {
    if (loaded) return;
    loaded = true;
    const stored = storage.read();
    if (stored === undefined || cipher.protection() === 'unavailable') return;
    try {
      memory = cipher.decrypt(stored);
    } catch {
      storage.erase();
      events.onUnreadable?.();
    }
  };

  return {
    has() {
      load();
      return memory !== null;
    },
    get() {
      load();
      return memory;
    },
    set(token) {
      loaded = true;
      memory = token;
      if (cipher.protection() === 'unavailable') {
        // Session only: a stale encrypted copy from an earlier session must not come back.
        storage.erase();
        return;
      }
      storage.write(cipher.encrypt(token));
    },
    clear() {
      loaded = true;
      memory = null;
      storage.erase();
    },
    protection: () => cipher.protection(),
    persisted() {
      load();
      return (
        memory !== null && cipher.protection() !== 'unavailable' && storage.read() !== undefined
      );
    },
  };
}

/** A vault that never touches disk: plain-Node tests and the end-to-end harness. */
export function memoryCipher(protection: TokenProtection = 'os'): TokenCipher {
  return {
    protection: () => protection,
    encrypt: (plain) => Buffer.from(`enc:${plain}`, 'utf8').toString('base64'),
    decrypt: (base64) => {
      const text = Buffer.from(base64, 'base64').toString('utf8');
      if (!text.startsWith('enc:')) throw new Error('not ours');
      return text.slice(4);
    },
  };
}

export function memorySecretStorage(
  initial?: string,
): SecretStorage & { value(): string | undefined } {
  let value = initial;
  return {
    read: () => value,
    write: (base64) => {
      value = base64;
    },
    erase: () => {
      value = undefined;
    },
    value: () => value,
  };
}
