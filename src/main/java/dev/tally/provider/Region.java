package dev.tally.provider;

import java.net.URI;
import java.util.List;

/**
 * A documented API host of a provider.
 *
 * @param id              {@code global} or {@code china} (or {@code default} for single-host providers)
 * @param origin          documented {@code https://host} origin
 * @param currency        ISO code the balances are in when the response does not say, or {@code null}
 *                        when the response always states it
 * @param currencyAssumed true when {@code currency} is derived from the host rather than stated by the API
 * @param currencies      every currency a balance from this host can be in, as documented: {@code currency} when
 *                        the host fixes one, several when the answer states it per row (DeepSeek: CNY, USD); empty
 *                        when unknown. An alert threshold in another currency could never fire.
 */
public record Region(String id, URI origin, String currency, boolean currencyAssumed, List<String> currencies) {
    public Region {
        currencies = currencies == null || currencies.isEmpty()
                ? (currency == null ? List.of() : List.of(currency)) : List.copyOf(currencies);
        if (currency != null && !currencies.equals(List.of(currency))) {
            throw new IllegalArgumentException("a host that fixes the currency " + currency + " reports only it");
        }
    }

    /** A host whose balances are in {@code currency} ({@code null}: stated by the answer, not documented). */
    public Region(String id, URI origin, String currency, boolean currencyAssumed) {
        this(id, origin, currency, currencyAssumed, List.of());
    }

    public static final String DEFAULT = "default";
    public static final String GLOBAL = "global";
    public static final String CHINA = "china";

    /** The only host of a provider whose responses state their currency (or that report several). */
    public static Region single(String origin) {
        return new Region(DEFAULT, URI.create(origin), null, false);
    }

    /** The only host of a provider whose answers state the currency per balance, one of the documented ones. */
    public static Region stating(String origin, String... documentedCurrencies) {
        return new Region(DEFAULT, URI.create(origin), null, false, List.of(documentedCurrencies));
    }

    /** The only host of a provider whose documentation fixes one currency (e.g. OpenRouter credits are USD). */
    public static Region single(String origin, String documentedCurrency) {
        return new Region(DEFAULT, URI.create(origin), documentedCurrency, false);
    }
}
