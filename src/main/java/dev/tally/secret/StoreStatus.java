package dev.tally.secret;

import java.util.Objects;

/**
 * What the keychain can do right now, and why not when it cannot.
 *
 * @param state  never null
 * @param reason one human-readable line that says why (e.g. "no D-Bus session bus: DBUS_SESSION_BUS_ADDRESS is
 *               not set"); for {@link State#AVAILABLE} a short description of the store. Never null, never
 *               contains a key.
 */
public record StoreStatus(State state, String reason) {

    /** The three states a user can be told about. */
    public enum State {
        /** Keys can be read and written. */
        AVAILABLE,
        /** The keychain exists but is locked, or is waiting for the user to unlock it in a system prompt. */
        LOCKED,
        /** There is no usable keychain (no D-Bus session, no keyring daemon, no default collection, no answer...). */
        UNAVAILABLE
    }

    private static final String TIMEOUT_PREFIX = "timeout: ";

    public StoreStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
    }

    public static StoreStatus available(String description) {
        return new StoreStatus(State.AVAILABLE, description);
    }

    public static StoreStatus locked(String reason) {
        return new StoreStatus(State.LOCKED, reason);
    }

    /**
     * Unavailable because the keychain did not answer in time ({@code what}, e.g. "GNOME Keyring did not answer
     * within 0.8 s"): it may still hold keys, see {@link #isTemporarilyUnreadable()}.
     */
    public static StoreStatus timedOut(String what) {
        return new StoreStatus(State.UNAVAILABLE, TIMEOUT_PREFIX + what);
    }

    public static StoreStatus unavailable(String reason) {
        return new StoreStatus(State.UNAVAILABLE, reason);
    }

    public boolean isAvailable() {
        return state == State.AVAILABLE;
    }

    /**
     * True when the keychain exists but cannot be read right now (locked, or not answering in time): keys stored
     * earlier are still in it, so a key that cannot be read must not be called missing.
     */
    public boolean isTemporarilyUnreadable() {
        return state == State.LOCKED || state == State.UNAVAILABLE && reason.startsWith(TIMEOUT_PREFIX);
    }

    /** For example {@code "unavailable: no keyring daemon ..."}. */
    @Override
    public String toString() {
        return state.name().toLowerCase(java.util.Locale.ROOT) + ": " + reason;
    }
}
