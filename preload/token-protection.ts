// What Settings says about how the token is kept, per protection main reports (Settings shows
// the same words from its catalogs; data only, bundled into neither preload nor renderer). The
// main process's tests hold safeStorage to these promises on every Linux backend
// (main/app/electron/safe-storage-cipher.test.ts), so the text cannot drift from the truth.
import type { TokenProtection } from './contract';

export const PROTECTION_NOTE: Record<
  TokenProtection,
  { keptAcrossRestarts: boolean; text: string | null }
> = {
  os: { keptAcrossRestarts: true, text: null },
  basic_text: {
    keptAcrossRestarts: true,
    text:
      'No system keyring was found, so the token is stored on disk with only basic obfuscation. ' +
      'Anyone who can read your files can read it.',
  },
  unavailable: {
    keptAcrossRestarts: false,
    text:
      'Secure storage is unavailable on this system, so the token is kept in memory only: ' +
      'enter it again after Pika Tray restarts.',
  },
};
