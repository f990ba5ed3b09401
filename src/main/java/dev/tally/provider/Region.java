package dev.tally.provider;

import java.net.URI;

/**
 * A documented API host of a provider.
 *
 * @param id              {@code global} or {@code china} (or {@code default} for single-host providers)
 * @param origin          documented {@code https://host} origin
 * @param currency        ISO code the balances are in when the response does not say, or {@code null}
 *                        when the response always states it
 * @param currencyAssumed true when {@code currency} is derived from the host rather than stated by the API
 */
public record Region(String id, URI origin, String currency, boolean currencyAssumed) {
    public static final String DEFAULT = "default";
    public static final String GLOBAL = "global";
    public static final String CHINA = "china";

    /** The only host of a provider whose responses state their currency (or that report several). */
    public static Region single(String origin) {
        return new Region(DEFAULT, URI.create(origin), null, false);
    }

    /** The only host of a provider whose documentation fixes one currency (e.g. OpenRouter credits are USD). */
    public static Region single(String origin, String documentedCurrency) {
        return new Region(DEFAULT, URI.create(origin), documentedCurrency, false);
    }
}
