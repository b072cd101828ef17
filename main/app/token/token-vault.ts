// Keeps the API token encrypted at rest through a cipher port (Electron's safeStorage in
// the app). When the OS offers no encryption at all, the token is kept in memory for this
// session only and reported as 'unavailable': we never write it in plain text silently.
// The token is bound to the origin (scheme, host, port) it was saved for, stored beside it
// inside the encrypted value: tokenFor() hands it out for that origin only, so changing the
// base URL alone never sends it elsewhere (issue 16).
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
  /**
   * The origin a token stored by an older version (token only, no origin) was saved for:
   * the configured base URL's at start-up. It is written back bound to it at once.
   */
  legacyOrigin?: () => string;
}

interface Stored {
  token: string;
  origin: string | null;
}

function encodeStored(value: Stored): string {
  return JSON.stringify({ v: 2, token: value.token, origin: value.origin });
}

/** New values are JSON; an older version stored the bare token (never starting with '{'). */
function decodeStored(text: string): Stored & { legacy: boolean } {
  if (text.startsWith('{')) {
    const parsed = JSON.parse(text) as { token?: unknown; origin?: unknown };
    // eslint-disable-next-line main-text/no-literal-error-text -- caught below: an unreadable vault is treated as no token
    if (typeof parsed.token !== 'string') throw new Error('no token');
    const origin = typeof parsed.origin === 'string' ? parsed.origin : null;
    return { token: parsed.token, origin, legacy: false };
  }
  return { token: text, origin: null, legacy: true };
}

export function createTokenVault(
  cipher: TokenCipher,
  storage: SecretStorage,
  events: TokenVaultEvents = {},
): TokenVault & { persisted(): boolean } {
  let memory: Stored | null = null;
  let loaded = false;

  const save = (value: Stored): void => {
    memory = value;
    if (cipher.protection() === 'unavailable') {
      // Session only: a stale encrypted copy from an earlier session must not come back.
      storage.erase();
      return;
    }
    storage.write(cipher.encrypt(encodeStored(value)));
  };

  const load = (): void => {
    if (loaded) return;
    loaded = true;
    const stored = storage.read();
    if (stored === undefined || cipher.protection() === 'unavailable') return;
    let decoded: ReturnType<typeof decodeStored>;
    try {
      decoded = decodeStored(cipher.decrypt(stored));
    } catch {
      storage.erase();
      events.onUnreadable?.();
      return;
    }
    memory = { token: decoded.token, origin: decoded.origin };
    if (decoded.legacy && events.legacyOrigin) {
      save({ token: decoded.token, origin: events.legacyOrigin() });
    }
  };

  return {
    has() {
      load();
      return memory !== null;
    },
    origin() {
      load();
      return memory?.origin ?? null;
    },
    tokenFor(origin) {
      load();
      return memory !== null && memory.origin === origin ? memory.token : null;
    },
    set(token, origin) {
      loaded = true;
      save({ token, origin });
    },
    bind(origin) {
      load();
      if (memory !== null) save({ token: memory.token, origin });
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
      // eslint-disable-next-line main-text/no-literal-error-text -- caught below: a value not written by us is ignored
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
