package dev.tally.ui.settings;

import dev.tally.account.Account;
import dev.tally.core.ProviderId;

import java.util.Map;

/**
 * The non-secret values of the account form as typed: compared with the values it was opened with to tell whether it
 * changed, and handed to {@link AccountWriter} to save. Immutable.
 *
 * @param fields   the provider fields' values by field id, empty ones left out
 * @param currency the alert currency when the region does not fix one and an amount is typed, else {@code null}
 */
record AccountDraft(ProviderId provider, String label, String region, String baseUrl, Map<String, String> fields,
                    String threshold, String currency, String interval) {
    static final AccountDraft BLANK = new AccountDraft(null, "", null, "", Map.of(), "", null,
            String.valueOf(Account.DEFAULT_INTERVAL));

    AccountDraft {
        fields = Map.copyOf(fields);
    }

    /** The same with the label as it is saved (without surrounding spaces). */
    AccountDraft stripped() {
        return new AccountDraft(provider, label.strip(), region, baseUrl, fields, threshold, currency, interval);
    }
}
