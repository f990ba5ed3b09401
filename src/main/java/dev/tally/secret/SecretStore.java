package dev.tally.secret;

import dev.tally.core.Secret;

import java.util.Optional;

/**
 * Stores one API key per account in a keychain, under service {@code Tally} and the account id.
 *
 * <p><b>Threads:</b> every method may block (the OS keychain can be slow, or wait for the user to unlock
 * it), so never call one on the JavaFX or AWT thread. Implementations are thread-safe; calls from several
 * threads are serialized.
 *
 * <p><b>Secrets:</b> implementations never log a key and never put one into an exception message, a
 * {@code toString()} or a file. There is no plaintext fallback: a store that cannot keep a key securely
 * refuses to write it.
 *
 * <p><b>Nulls:</b> no argument may be null; {@code account} must not be blank.
 */
public interface SecretStore extends AutoCloseable {

    /**
     * The result of the startup probe, updated when a later call finds the keychain unlocked or locked.
     * Never blocks, never throws.
     */
    StoreStatus status();

    /**
     * The key stored for {@code account}, or empty if there is none.
     *
     * @throws SecretStoreException if the keychain is unavailable or locked, does not answer in time, or
     *                              holds something that is not a usable key
     */
    Optional<Secret> read(String account);

    /**
     * Stores {@code key} for {@code account}, replacing an existing key in place (the entry keeps its
     * identity; there is never a moment without a key, nor two entries).
     *
     * @throws SecretStoreException if the key could not be stored; nothing was written elsewhere instead
     */
    void write(String account, Secret key);

    /**
     * Removes the key for {@code account}. Removing a key that is not there is not an error.
     *
     * @throws SecretStoreException if the keychain is unavailable or the entry could not be removed
     */
    void delete(String account);

    /**
     * For something a person is waiting for (a Save, a command): {@link #status()}, after waiting up to {@code max}
     * for a keychain that has not answered yet to do so. Never throws.
     */
    default StoreStatus awaitAnswer(java.time.Duration max) {
        return status();
    }

    /** The store as users know it, e.g. "GNOME Keyring (Secret Service)", "macOS Keychain". Never blocks. */
    String name();

    /** Releases the keychain connection and worker thread. Idempotent; never throws. */
    @Override
    default void close() {
    }
}
