package dev.tally.core;

import java.util.Locale;

/** The outcome of asking a provider, as named in the JSON contract ({@code "status"}). */
public enum AccountStatus {
    OK, UNSUPPORTED, NO_KEY, AUTH_FAILED, FORBIDDEN, RATE_LIMITED, TIMEOUT, NETWORK_ERROR, BAD_RESPONSE,
    PROVIDER_ERROR;

    /** The contract name, e.g. {@code auth_failed}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AccountStatus fromJsonName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
