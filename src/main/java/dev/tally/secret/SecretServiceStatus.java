package dev.tally.secret;

/**
 * What a Secret Service finding means for the store, in the words the user reads: locked (waiting for the unlock
 * prompt, or still locked after it), no daemon, no default collection. Stateless.
 */
final class SecretServiceStatus {
    static final String WAITING_FOR_UNLOCK =
            "waiting for keyring unlock… (the default keyring is locked; unlock it in the system prompt)";
    static final String LOCKED = "the default keyring is locked; unlock it (e.g. in Passwords and Keys) and try again";
    static final String NO_DAEMON = "no keyring daemon: nothing on the D-Bus session bus provides "
            + SecretServiceCheck.SECRETS_NAME + " (start GNOME Keyring, KeePassXC or KWallet)";

    private SecretServiceStatus() {
    }

    /** {@code null} when the default collection is there and unlocked; else what is missing. {@code name}: the provider's. */
    static StoreStatus of(SecretServiceCheck.Finding finding, String name) {
        return switch (finding) {
            case READY -> null;
            case LOCKED -> StoreStatus.locked(WAITING_FOR_UNLOCK);
            case NO_DAEMON -> StoreStatus.unavailable(NO_DAEMON);
            case NO_DEFAULT_COLLECTION -> StoreStatus.unavailable("no default collection: " + name
                    + " has no default keyring to store keys in; create a \"login\" keyring, e.g. in Passwords and Keys");
        };
    }

    /** A locked finding after the probe's one unlock attempt, or later, is "locked", not "waiting". */
    static StoreStatus settled(StoreStatus problem) {
        return problem.state() == StoreStatus.State.LOCKED ? StoreStatus.locked(LOCKED) : problem;
    }
}
