package dev.tally.secret;

import dev.tally.core.Wording;

/**
 * What the keychain says when it cannot help: the reasons of a {@link StoreStatus} and the messages of a
 * {@link SecretStoreException}, as {@link dev.tally.core.Text} said when read (English in {@code --json} and logs).
 * Program names (GNOME Keyring, KeePassXC), D-Bus names and commands are arguments or kept as typed. Keys
 * {@code keychain.NAME}; English bundle generated from here ({@code scripts/i18n/bundle.py}).
 */
public enum KeychainPhrase implements Wording {
    // ---- what was tried ({0} of CANNOT)
    READ_KEY("read the key for {0}"),
    STORE_KEY("store the key for {0}"),
    DELETE_KEY("delete the key for {0}"),
    CANNOT("cannot {0}: {1}"),

    // ---- why
    WAITING_FOR_UNLOCK("waiting for keyring unlock… (the default keyring is locked; unlock it in the system prompt)"),
    LOCKED("the default keyring is locked; unlock it (e.g. in Passwords and Keys) and try again"),
    NO_DAEMON("no keyring daemon: nothing on the D-Bus session bus provides {0} (start GNOME Keyring, KeePassXC or KWallet)"),
    NO_DEFAULT_COLLECTION("no default collection: {0} has no default keyring to store keys in; create a \"login\" keyring, e.g. in Passwords and Keys"),
    PROBE_SLOW("{0} did not answer in {1} (it may still be starting, or the machine is busy; Tally asks again later)"),
    CLOSED("the keychain store was closed"),
    STORE_CLOSED("the keychain store is closed"),
    WORKER_FAILED("the keychain worker could not start"),
    PROBE_FAILED("the keychain probe failed: {0}"),
    PROBE_INTERRUPTED("the keychain probe was interrupted"),
    TEST_LOOKUP_REFUSED("{0} refused a test lookup: {1}"),
    NO_BUS("cannot use the D-Bus session bus ({0}): {1}"),
    UNAVAILABLE("{0} is unavailable — {1}"),
    NO_ANSWER("{0} did not answer in {1}"),
    NO_ANSWER_UNLOCKING("{0} did not answer in {1} (it is waiting for the keyring to be unlocked)"),
    INTERRUPTED("interrupted while waiting for {0}"),
    NOT_A_KEY("the {0} entry for {1} is not a usable key: {2}"),
    DUPLICATES("{0} holds more than one entry for {1} (remove the extra ones, e.g. with: secret-tool clear service {2} account {1})"),
    FAILED("{0} failed: {1}"),
    CANNOT_OPEN("cannot open {0}: {1}"),
    NO_OS_KEYCHAIN("cannot store the key for {0}: no OS keychain ({1}); Tally never stores keys in plaintext"),
    KEYCHAIN_IS("the keychain is {0}: {1}"),
    SECONDS("{0} s"),

    // ---- the session bus
    NO_SESSION_BUS("no D-Bus session bus: {0}"),
    BUS_UNSET_NO_SOCKET("{0} is not set and {1} does not exist"),
    BUS_UNSET("{0} is not set"),
    BUS_NOT_AN_ADDRESS("{0} is not a D-Bus address"),
    BUS_TRANSPORT("transport '{0}' in {1} is not supported"),
    BUS_NO_SOCKET("the bus socket {0} does not exist"),
    BUS_BAD_PATH("the bus socket path in {0} is not valid"),

    // ---- a key command that gave no key ({0}: COMMAND_NAME, e.g. "the key command 'op'")
    COMMAND_NAME("the key command '{0}'"),
    COMMAND_CANNOT_START("cannot start {0}: {1}"),
    COMMAND_NO_SUCH_PROGRAM("no such program (it runs without a shell: give the program and its arguments separately, and a full path if it is not on PATH)"),
    COMMAND_PERMISSION_DENIED("permission denied (is it executable?)"),
    COMMAND_TOO_MUCH("{0} printed more than {1} KB; that is not a key"),
    COMMAND_EXIT("{0} failed (exit {1})"),
    COMMAND_EXIT_SAID("{0} failed (exit {1}): {2}"),
    COMMAND_PRINTED_NOTHING("{0} printed nothing"),
    COMMAND_NOT_A_KEY("{0} printed something that is not a key: {1}"),
    COMMAND_NOT_A_KEY_LINES("{0} printed something that is not a key: {1} (it printed more than one line)"),
    COMMAND_INTERRUPTED("{0} was interrupted"),
    COMMAND_UNREADABLE("could not read what {0} printed"),
    COMMAND_TIMED_OUT("{0} did not finish within {1} (it may be waiting for you to unlock or approve it); it was stopped"),
    COMMAND_COULD_NOT_RUN("{0} could not be run: {1}"),
    MILLISECONDS("{0} ms"),

    // ---- the keychain's state in a sentence
    STATE_AVAILABLE("available"),
    STATE_LOCKED("locked"),
    STATE_UNAVAILABLE("unavailable"),
    STATE_NOT_ANSWERING("not answering");

    private final String english;

    KeychainPhrase(String english) {
        this.english = english;
    }

    @Override
    public String key() {
        return "keychain." + name();
    }

    @Override
    public String english() {
        return english;
    }
}
