// The token cipher over Electron's safeStorage (Keychain, DPAPI, libsecret/kwallet). On
// Linux without a keyring Electron falls back to a fixed key ('basic_text'): we still use
// it (it beats plain text) but report it plainly so Settings can warn. With no encryption
// at all the vault keeps the token for this session only (see token-vault.ts).
import { safeStorage } from 'electron';
import type { TokenProtection } from '../../../preload/contract';
import type { TokenCipher } from '../token/token-vault';

export function safeStorageCipher(platform: NodeJS.Platform = process.platform): TokenCipher {
  const protection = (): TokenProtection => {
    if (!safeStorage.isEncryptionAvailable()) return 'unavailable';
    if (platform === 'linux') {
      const backend = safeStorage.getSelectedStorageBackend();
      if (backend === 'basic_text' || backend === 'unknown') return 'basic_text';
    }
    return 'os';
  };
  return {
    protection,
    encrypt: (plain) => safeStorage.encryptString(plain).toString('base64'),
    decrypt: (base64) => safeStorage.decryptString(Buffer.from(base64, 'base64')),
  };
}
