// The token cipher over Electron's safeStorage (Keychain, DPAPI, libsecret/kwallet). On
// Linux without a keyring Electron selects the 'basic_text' backend, a fixed key, and then
// reports no encryption at all unless plain-text encryption was allowed: we allow it (it
// beats plain text, and it keeps the token across restarts as Settings says) and report it
// plainly so Settings warns. With no encryption at all the vault keeps the token for this
// session only (see token-vault.ts), and Settings says that too.
import { safeStorage } from 'electron';
import type { TokenProtection } from '../../../preload/contract';
import type { TokenCipher } from '../token/token-vault';

type SafeStorage = Pick<
  typeof safeStorage,
  | 'isEncryptionAvailable'
  | 'getSelectedStorageBackend'
  | 'setUsePlainTextEncryption'
  | 'encryptString'
  | 'decryptString'
>;

/** Call after 'ready': before it, Linux reports the backend as 'unknown'. */
export function safeStorageCipher(
  platform: NodeJS.Platform = process.platform,
  storage: SafeStorage = safeStorage,
): TokenCipher {
  const backend = platform === 'linux' ? storage.getSelectedStorageBackend() : null;
  if (backend === 'basic_text') storage.setUsePlainTextEncryption(true);
  const protection = (): TokenProtection => {
    if (!storage.isEncryptionAvailable()) return 'unavailable';
    // 'unknown' with encryption available is not a keyring we know: call it weak.
    if (backend === 'basic_text' || backend === 'unknown') return 'basic_text';
    return 'os';
  };
  return {
    protection,
    encrypt: (plain) => storage.encryptString(plain).toString('base64'),
    decrypt: (base64) => storage.decryptString(Buffer.from(base64, 'base64')),
  };
}
