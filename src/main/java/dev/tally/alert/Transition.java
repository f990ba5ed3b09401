package dev.tally.alert;

import dev.tally.core.FetchError;

import java.util.List;
import java.util.Objects;

/**
 * A change in how an account is doing that is not said on the desktop but handed to alert hooks (and anything else
 * that watches the engine): checks keep failing, or the account works again. Decided by {@link AlertRules} once
 * per change, like the {@link Alert}s, and kept across restarts the same way. Immutable; never contains a key.
 */
public sealed interface Transition {
    String account();

    String label();

    /**
     * Checks of the account failed this many times in a row ({@link AlertRules#DEFAULT_FAILURE_STREAK} or more),
     * for another reason than a refused key (that is {@link Alert.KeyRejected}). Once per outage.
     *
     * @param error the latest failure
     */
    record FetchFailed(String account, String label, int failures, FetchError error) implements Transition {
        public FetchFailed {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(error, "error");
        }
    }

    /**
     * A successful check ended what had been announced: {@code ended} names the rules, among
     * {@code fetch_failed}, {@code key_rejected}, {@code exhausted} and {@code low_balance}.
     */
    record Recovered(String account, String label, List<String> ended) implements Transition {
        public Recovered {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(label, "label");
            ended = List.copyOf(ended);
        }
    }
}
