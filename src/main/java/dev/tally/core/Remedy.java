package dev.tally.core;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the user can do about a {@link FetchError}, as data: each front end says it its own way (the command line
 * names the exact command, the desktop where to click). Messages of fetch errors state only what happened; the
 * advice is this. Immutable; no wording lives here.
 */
public sealed interface Remedy {

    /** Nothing to do but read the message. */
    None NONE = new None();

    /** Nothing to do but read the message. */
    record None() implements Remedy {
    }

    /**
     * Store a key for the account.
     *
     * @param accountId the configured account, or {@code null} when a provider is used ad hoc (no keychain entry to set)
     * @param slot      the key's slot when the provider has more than one ({@code management}), else {@code null}
     * @param envVars   environment variables that would hold the key instead (possibly empty)
     */
    record SetKey(String accountId, String slot, List<String> envVars) implements Remedy {
        public SetKey {
            envVars = List.copyOf(envVars);
        }
    }

    /** The account's region (or platform) may be the wrong one for its key. */
    record CheckRegion() implements Remedy {
    }

    /**
     * Set a field of the account that its provider declares (an id from its console, a base URL, …).
     *
     * @param fieldId    the field's id as the provider declares it (the command line's option is derived from it)
     * @param label      the field's label as the settings form shows it
     * @param accountId  the configured account, or {@code null} when a provider is used ad hoc
     * @param envVar     the environment variable that would hold it instead, or {@code null}
     * @param whereToFind where the provider shows the value (a console page), or {@code null}
     */
    record SetField(String fieldId, String label, String accountId, String envVar, String whereToFind) implements Remedy {
        public SetField {
            Objects.requireNonNull(fieldId, "fieldId");
            Objects.requireNonNull(label, "label");
        }
    }

    /**
     * A passing problem: Tally asks again by itself.
     *
     * @param after what the provider asked for (Retry-After), or {@code null}
     */
    record Wait(Duration after) implements Remedy {
    }
}
