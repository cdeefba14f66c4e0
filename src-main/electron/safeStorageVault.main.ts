// The sign-in tokens sealed by the operating system's keychain (DPAPI on Windows, the Keychain on
// macOS, libsecret or KWallet on Linux), through Electron's asynchronous safeStorage calls.
import { safeStorage } from 'electron';
import { ownerOnlyFileVault, type SecretVault } from '../core/sync/secretVault.std.ts';

/** Called once the app is ready (safeStorage answers nothing before). */
export async function safeStorageVault(log: (line: string) => void): Promise<SecretVault> {
  const available = await safeStorage.isAsyncEncryptionAvailable().catch(() => false);
  // Linux without a keyring falls back to a key written in the code ("basic_text"): no better
  // than the data file's own owner-only mode, and it would make the file look protected.
  const weak = process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
  if (!available || weak) {
    log(`no system keychain (${available ? 'basic_text' : 'unavailable'}): sign-in tokens are protected by the data file's owner-only mode`);
    return ownerOnlyFileVault;
  }
  return {
    kind: 'electron-safe-storage',
    seal: async (plain) => safeStorage.encryptStringAsync(plain),
    open: async (sealed) => {
      const opened = await safeStorage.decryptStringAsync(Buffer.from(sealed));
      return { plain: opened.result, reseal: opened.shouldReEncrypt };
    },
  };
}
