package dev.tally.secret;

import com.github.javakeyring.KeyringStorageType;

import java.util.Locale;

/** Which java-keyring backend serves this OS. */
enum KeyringBackend {
    SECRET_SERVICE(KeyringStorageType.GNOME_KEYRING, "Secret Service"),
    MACOS(KeyringStorageType.OSX_KEYCHAIN, "macOS Keychain"),
    WINDOWS(KeyringStorageType.WINDOWS_CREDENTIAL_STORE, "Windows Credential Manager");

    final KeyringStorageType type;
    final String displayName;

    KeyringBackend(KeyringStorageType type, String displayName) {
        this.type = type;
        this.displayName = displayName;
    }

    static KeyringBackend forOs(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return MACOS;
        }
        if (os.startsWith("windows")) {
            return WINDOWS;
        }
        return SECRET_SERVICE;
    }
}
