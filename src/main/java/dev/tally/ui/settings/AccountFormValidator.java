package dev.tally.ui.settings;

import dev.tally.account.Account;
import dev.tally.account.Thresholds;
import dev.tally.core.ProviderId;
import dev.tally.core.Secret;
import dev.tally.provider.BaseUrls;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What is wrong with an account form's values, field by field: plain functions of plain values, no properties and no
 * I/O, so each rule is tested on its own. Every message is a clause ("the base URL must use https…"); an empty string
 * means the value is fine. Thread-safe.
 */
final class AccountFormValidator {
    private AccountFormValidator() {
    }

    /** A new account's form was filled in without choosing its provider. */
    static String provider(boolean isNew, boolean providerChosen, boolean formBlank) {
        return isNew && !providerChosen && !formBlank ? SettingsPhrase.NEED_PROVIDER.say() : "";
    }

    /**
     * A label must be there, be one line, and differ (ignoring case) from the labels of the provider's other accounts.
     *
     * @param provider  the chosen provider, or {@code null}
     * @param name      its display name, for the message
     * @param existing  every saved account
     * @param editingId the account being edited, or {@code null} for a new one
     */
    static String label(String label, ProviderId provider, String name, List<Account> existing, String editingId) {
        if (label == null || label.isBlank()) {
            return SettingsPhrase.NEED_LABEL.say();
        }
        Optional<String> oneLine = Account.labelProblem(label);
        if (oneLine.isPresent()) {
            return oneLine.get();
        }
        if (provider != null) {
            for (Account a : existing) {
                if (a.provider().equals(provider) && a.label().equalsIgnoreCase(label.strip()) && !a.id().equals(editingId)) {
                    return SettingsPhrase.LABEL_TAKEN.say(name, a.label());
                }
            }
        }
        return "";
    }

    /** Empty (no key typed: the keychain's or the environment's is used) or text that can be a key. */
    static String key(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        try {
            Secret.of(text);
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** A provider with regions needs one chosen. */
    static String region(List<String> choices, String region) {
        return !choices.isEmpty() && region == null ? SettingsPhrase.NEED_REGION.say() : "";
    }

    /** Empty (the documented origin) or a base URL by the {@link BaseUrls} rule. */
    static String baseUrl(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        try {
            BaseUrls.parse(text);
            return "";
        } catch (IllegalArgumentException e) {
            if (text.strip().toLowerCase(Locale.ROOT).startsWith("http://")) {
                return SettingsPhrase.BASE_URL_HTTPS.say();
            }
            return e.getMessage();
        }
    }

    /**
     * Empty (no alert) or an amount, in a currency the provider's balances can be in.
     *
     * @param available whether the provider reports a balance at all (else the field is off and anything goes)
     * @param fixed     the currency the region fixes, or {@code null} when one must be chosen
     * @param currency  the chosen currency, or {@code null}
     * @param choices   the currencies to choose from when none is fixed
     * @param name      the provider's display name, or {@code null}
     */
    static String threshold(String amount, boolean available, String fixed, String currency, List<String> choices,
                            String name) {
        if (amount == null || amount.isBlank() || !available) {
            return "";
        }
        try {
            Thresholds.parseAmount(amount);
        } catch (IllegalArgumentException e) {
            return SettingsPhrase.ALERT_BAD.say(e.getMessage().replaceFirst("^'[^']*' ", ""));
        }
        if (fixed == null && currency == null) {
            return SettingsPhrase.ALERT_NEED_CURRENCY.say();
        }
        if (fixed == null && !choices.contains(currency)) {
            return SettingsPhrase.ALERT_WRONG_CURRENCY.say(name == null ? SettingsPhrase.ALERT_THIS_PROVIDER.say() : name,
                    SettingsPhrase.join(SettingsPhrase.OR, choices), currency);
        }
        return "";
    }

    /** Whole minutes from {@link Account#MIN_INTERVAL} to {@link Account#MAX_INTERVAL}. */
    static String interval(String text) {
        String t = text == null ? "" : text.strip();
        String rule = SettingsPhrase.INTERVAL_RULE.say(Account.MIN_INTERVAL, Account.MAX_INTERVAL);
        if (!t.matches("[0-9]{1,6}")) {
            return rule;
        }
        int v = Integer.parseInt(t);
        return v < Account.MIN_INTERVAL || v > Account.MAX_INTERVAL ? rule : "";
    }
}
