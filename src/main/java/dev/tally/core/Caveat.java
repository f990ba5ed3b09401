package dev.tally.core;

import java.time.Instant;
import java.util.Objects;

/**
 * Something the user should know about what a fetch read, as data: a provider states the fact, and every front end
 * says it through {@code dev.tally.status} where the amount is shown. Immutable; no wording lives here.
 */
public sealed interface Caveat {

    /**
     * The balance is the provider's posted ledger (xAI's prepaid balance): it can be higher than the figure in the
     * provider's console by the current billing cycle's spend that is not yet posted.
     */
    record PostedLedger() implements Caveat {
    }

    /**
     * The key that was read stops working at {@code at} (OpenRouter's {@code expires_at}); front ends say so when it
     * is near.
     */
    record KeyExpires(Instant at) implements Caveat {
        public KeyExpires {
            Objects.requireNonNull(at, "at");
        }
    }
}
