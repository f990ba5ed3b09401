package dev.tally.secret;

import dev.tally.core.Text;

/**
 * A keychain operation failed. The message is one specific line a user can act on (which store, which
 * account, what went wrong); it never contains a key. Unchecked, because every caller already runs off the
 * UI thread in a place that reports failures.
 */
public final class SecretStoreException extends RuntimeException {

    private final transient Text text;

    public SecretStoreException(String message) {
        this(Text.plain(message), null);
    }

    public SecretStoreException(Text message) {
        this(message, null);
    }

    public SecretStoreException(Text message, Throwable cause) {
        super(null, cause);
        this.text = message;
    }

    /** What went wrong, to be said in the language of the moment ({@link Text}). */
    public Text text() {
        return text;
    }

    /** {@link #text()} in the current language. */
    @Override
    public String getMessage() {
        return text.toString();
    }

    /** @param cause kept for the debug log; it must not carry a key (D-Bus and OS errors never do) */
    public SecretStoreException(String message, Throwable cause) {
        this(Text.plain(message), cause);
    }
}
