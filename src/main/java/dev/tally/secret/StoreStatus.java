package dev.tally.secret;

import dev.tally.core.Text;

import java.util.Objects;

/**
 * What the keychain can do right now, and why not when it cannot.
 *
 * @param state  never null
 * @param reason one human-readable line that says why (e.g. "no D-Bus session bus: DBUS_SESSION_BUS_ADDRESS is
 *               not set"); for {@link State#AVAILABLE} a short description of the store. Never null, never
 *               contains a key.
 */
public record StoreStatus(State state, Text text) {

    /** The states a user can be told about. */
    public enum State {
        /** Keys can be read and written. */
        AVAILABLE,
        /** The keychain exists but is locked, or is waiting for the user to unlock it in a system prompt. */
        LOCKED,
        /** There is no usable keychain (no D-Bus session, no keyring daemon, no default collection...). */
        UNAVAILABLE,
        /**
         * The keychain is there but did not answer in time (busy machine, keyring still starting after login): it may
         * well hold keys, so none of them is "missing"; asking again later may succeed.
         */
        NOT_ANSWERING;

        /** How the state is named in output: {@code available}, {@code locked}, {@code unavailable}, {@code not_answering}. */
        public String jsonName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** In a sentence: "not answering". */
        public String words() {
            return jsonName().replace('_', ' ');
        }
    }

    /** How an unavailable status once said "did not answer" (e.g. from an older caller); still counted as such. */
    private static final String TIMEOUT_PREFIX = "timeout: ";

    public StoreStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(text, "text");
    }

    public StoreStatus(State state, String reason) {
        this(state, Text.plain(reason));
    }

    /** Why, in the current language ({@link Text}); the keychain's name for {@link State#AVAILABLE}. */
    public String reason() {
        return text.toString();
    }

    public static StoreStatus available(String description) {
        return new StoreStatus(State.AVAILABLE, description);
    }

    public static StoreStatus locked(String reason) {
        return new StoreStatus(State.LOCKED, reason);
    }

    /**
     * The keychain did not answer in time ({@code what}, e.g. "GNOME Keyring did not answer in 5 s"): it may still hold
     * keys, see {@link #isTemporarilyUnreadable()}.
     */
    public static StoreStatus notAnswering(String what) {
        return new StoreStatus(State.NOT_ANSWERING, what);
    }

    /** Same as {@link #notAnswering}. */
    public static StoreStatus timedOut(String what) {
        return notAnswering(what);
    }

    public static StoreStatus unavailable(String reason) {
        return new StoreStatus(State.UNAVAILABLE, reason);
    }

    public static StoreStatus unavailable(Text reason) {
        return new StoreStatus(State.UNAVAILABLE, reason);
    }

    public static StoreStatus locked(Text reason) {
        return new StoreStatus(State.LOCKED, reason);
    }

    public static StoreStatus notAnswering(Text what) {
        return new StoreStatus(State.NOT_ANSWERING, what);
    }

    /** The state in a sentence, in the current language: "not answering", "锁定". */
    public String stateWords() {
        return (switch (state) {
            case AVAILABLE -> KeychainPhrase.STATE_AVAILABLE;
            case LOCKED -> KeychainPhrase.STATE_LOCKED;
            case UNAVAILABLE -> KeychainPhrase.STATE_UNAVAILABLE;
            case NOT_ANSWERING -> KeychainPhrase.STATE_NOT_ANSWERING;
        }).say();
    }

    public boolean isAvailable() {
        return state == State.AVAILABLE;
    }

    /**
     * True when the keychain exists but cannot be read right now (locked, or not answering in time): keys stored
     * earlier are still in it, so a key that cannot be read must not be called missing.
     */
    public boolean isTemporarilyUnreadable() {
        return state == State.LOCKED || state == State.NOT_ANSWERING
                || state == State.UNAVAILABLE && text.key() == null && text.english().startsWith(TIMEOUT_PREFIX);
    }

    /** For example {@code "unavailable: no keyring daemon ..."}. */
    @Override
    public String toString() {
        return state.name().toLowerCase(java.util.Locale.ROOT) + ": " + reason();
    }
}
