/** The OS-backed cipher for SecretStore: Electron `safeStorage` (Keychain, DPAPI, libsecret/KWallet). */
import { safeStorage } from 'electron';
import type { SecretCipher } from './secretStore';

export function safeStorageCipher(): SecretCipher {
  return {
    unavailableReason() {
      if (!safeStorage.isEncryptionAvailable()) return 'safeStorage encryption is not available on this system';
      // On Linux without a keyring Electron falls back to a hard-coded key: that is not protection.
      if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
        return 'no OS keyring (Secret Service or KWallet) was found, and safeStorage would only obfuscate with a fixed key';
      }
      return null;
    },
    encrypt: (plainText) => safeStorage.encryptString(plainText),
    decrypt: (cipherText) => safeStorage.decryptString(cipherText),
  };
}
