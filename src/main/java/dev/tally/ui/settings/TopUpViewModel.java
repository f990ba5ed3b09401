package dev.tally.ui.settings;

import dev.tally.account.Account;
import dev.tally.account.TopUps;
import dev.tally.core.KnownTopUp;
import dev.tally.core.Money;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * "What you had after your last top-up": an amount with its currency ({@code 120 USD}, {@code $120}) and the day
 * ({@code 2026-11-30}; empty means now), read from the provider's console. Tally subtracts the spend the provider
 * reports since then and shows the result as an estimated balance — for OpenAI and Anthropic, which report spend but
 * no balance, and any provider where the user wants it. Not a secret: stored in {@code accounts.json}. A newer top-up
 * replaces the older one as the basis; clearing the amount forgets them.
 *
 * <p>Properties belong to the UI thread; nothing here blocks.
 */
public final class TopUpViewModel {
    private final Clock clock;
    private final StringProperty amount = new SimpleStringProperty(this, "amount", "");
    private final StringProperty date = new SimpleStringProperty(this, "date", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyObjectWrapper<String> currency = new ReadOnlyObjectWrapper<>(this, "currency");

    TopUpViewModel(Clock clock) {
        this.clock = clock;
        error.bind(Bindings.createStringBinding(this::problem, amount, date));
        currency.bind(Bindings.createObjectBinding(() -> {
            try {
                return blank(amount.get()) ? null : TopUps.parseAmount(amount.get()).currency();
            } catch (IllegalArgumentException e) {
                return null;
            }
        }, amount));
    }

    /** Shows the account's newest top-up (its day when it was the start of a UTC day, else the exact time). */
    void show(Account a) {
        KnownTopUp t = a.topUp();
        amount.set(t == null ? "" : t.amount().plain() + " " + t.amount().currency());
        date.set(t == null ? "" : when(t.at()));
    }

    void clear() {
        amount.set("");
        date.set("");
    }

    /** {@code 2026-11-30} for the start of a UTC day, else {@code 2026-11-30T18:05Z}. */
    static String when(Instant at) {
        ZonedDateTime z = at.atZone(ZoneOffset.UTC);
        return z.toLocalTime().equals(LocalTime.MIDNIGHT) ? z.toLocalDate().toString()
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(z.withNano(0));
    }

    /** The top-up as typed, when there is one and it can be read. */
    Optional<KnownTopUp> value() {
        if (blank(amount.get())) {
            return Optional.empty();
        }
        try {
            return Optional.of(TopUps.parse(amount.get(), date.get(), clock));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The amount as typed, for alerts on the estimate; empty without one. */
    Optional<Money> money() {
        return value().map(KnownTopUp::amount);
    }

    private String problem() {
        if (blank(amount.get())) {
            return blank(date.get()) ? "" : SettingsPhrase.TOP_UP_AMOUNT_MISSING.say();
        }
        try {
            TopUps.parse(amount.get(), date.get(), clock);
            return "";
        } catch (IllegalArgumentException e) {
            return AccountFormViewModel.sentence(e.getMessage());
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** What was there right after the top-up, with its currency; empty for none. */
    public StringProperty amountProperty() {
        return amount;
    }

    /** The day of the top-up ({@code 2026-11-30}, UTC) or a time; empty means now. */
    public StringProperty dateProperty() {
        return date;
    }

    /** Why the top-up cannot be saved, or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The top-up's currency once the amount can be read, else {@code null}. */
    public ReadOnlyObjectProperty<String> currencyProperty() {
        return currency.getReadOnlyProperty();
    }
}
