package dev.tally.secret;

/**
 * A keychain operation failed. The message is one specific line a user can act on (which store, which
 * account, what went wrong); it never contains a key. Unchecked, because every caller already runs off the
 * UI thread in a place that reports failures.
 */
public final class SecretStoreException extends RuntimeException {

    public SecretStoreException(String message) {
        super(message);
    }

    /** @param cause kept for the debug log; it must not carry a key (D-Bus and OS errors never do) */
    public SecretStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
