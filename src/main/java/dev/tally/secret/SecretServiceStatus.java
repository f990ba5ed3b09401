package dev.tally.secret;

import dev.tally.core.Text;

/**
 * What a Secret Service finding means for the store, in the words the user reads: locked (waiting for the unlock
 * prompt, or still locked after it), no daemon, no default collection. Stateless.
 */
final class SecretServiceStatus {
    static final Text WAITING_FOR_UNLOCK = KeychainPhrase.WAITING_FOR_UNLOCK.text();
    static final Text LOCKED = KeychainPhrase.LOCKED.text();
    static final Text NO_DAEMON = KeychainPhrase.NO_DAEMON.text(SecretServiceCheck.SECRETS_NAME);

    private SecretServiceStatus() {
    }

    /** {@code null} when the default collection is there and unlocked; else what is missing. {@code name}: the provider's. */
    static StoreStatus of(SecretServiceCheck.Finding finding, String name) {
        return switch (finding) {
            case READY -> null;
            case LOCKED -> StoreStatus.locked(WAITING_FOR_UNLOCK);
            case NO_DAEMON -> StoreStatus.unavailable(NO_DAEMON);
            case NO_DEFAULT_COLLECTION -> StoreStatus.unavailable(KeychainPhrase.NO_DEFAULT_COLLECTION.text(name));
        };
    }

    /** A locked finding after the probe's one unlock attempt, or later, is "locked", not "waiting". */
    static StoreStatus settled(StoreStatus problem) {
        return problem.state() == StoreStatus.State.LOCKED ? StoreStatus.locked(LOCKED) : problem;
    }
}
