package dev.tally.ui.settings;

import dev.tally.account.Account;
import dev.tally.core.ProviderId;

import java.util.List;
import java.util.Map;

/**
 * The non-secret values of the account form as typed: compared with the values it was opened with to tell whether it
 * changed, and handed to {@link AccountWriter} to save. Immutable.
 *
 * @param fields   the provider fields' values by field id, empty ones left out
 * @param currency   the alert currency when the region does not fix one and an amount is typed, else {@code null}
 * @param keySource  where the primary key comes from ({@code null} only while the form is being filled)
 * @param keyCommand the primary key's command when it comes from one, else empty
 * @param topUp      what the user had after the last top-up ({@code 120 USD}), empty for none
 * @param topUpDate  when ({@code 2026-11-30}), empty for now
 */
record AccountDraft(ProviderId provider, String label, String region, String baseUrl, Map<String, String> fields,
                    String threshold, String currency, String interval, KeySourceViewModel.Source keySource,
                    List<String> keyCommand, String topUp, String topUpDate) {
    static final AccountDraft BLANK = new AccountDraft(null, "", null, "", Map.of(), "", null,
            String.valueOf(Account.DEFAULT_INTERVAL), KeySourceViewModel.Source.KEYCHAIN, List.of(), "", "");

    AccountDraft {
        fields = Map.copyOf(fields);
        keyCommand = List.copyOf(keyCommand);
    }

    /** The same with the label as it is saved (without surrounding spaces). */
    AccountDraft stripped() {
        return new AccountDraft(provider, label.strip(), region, baseUrl, fields, threshold, currency, interval,
                keySource, keyCommand, topUp, topUpDate);
    }
}
