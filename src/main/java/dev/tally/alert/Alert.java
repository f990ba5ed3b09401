package dev.tally.alert;

import dev.tally.core.DesktopText;
import dev.tally.core.Money;

import java.util.Objects;

/**
 * Something the user should be told about an account, once. Immutable. {@link #text()} is the one-line
 * wording shared by every notifier; it never contains a key.
 */
public sealed interface Alert {

    /** The account id. */
    String account();

    /** The account's display label, e.g. {@code DeepSeek (work)}. */
    String label();

    /**
     * One line for people, e.g. {@code DeepSeek (work): ¥4.20 left — below your ¥5.00 alert}, as the command line
     * prints it (plain amounts, command-line hints such as {@code --region}).
     */
    String text();

    /**
     * {@link #text()} for a desktop notification: amounts written like the cards ({@code ¥1,234.50}) and
     * command-line hints said the widget's way ({@link DesktopText}).
     */
    default String displayText() {
        return DesktopText.of(text());
    }

    /** A successful poll showed the balance in the threshold's currency below the threshold. */
    record LowBalance(String account, String label, Money balance, Money threshold) implements Alert {
        public LowBalance {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(balance, "balance");
            Objects.requireNonNull(threshold, "threshold");
        }

        @Override
        public String text() {
            return label + ": " + MoneyText.format(balance) + " left — below your " + MoneyText.format(threshold) + " alert";
        }

        @Override
        public String displayText() {
            return label + ": " + MoneyText.display(balance) + " left — below your " + MoneyText.display(threshold) + " alert";
        }
    }

    /**
     * The account cannot make API calls: the provider said so, or every balance is at or below zero,
     * or the key's cap is used up.
     *
     * @param currency the currency that ran out, or {@code null} when the provider only said "unavailable"
     */
    record Exhausted(String account, String label, String currency) implements Alert {
        public Exhausted {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(label, "label");
        }

        @Override
        public String text() {
            return currency == null
                    ? label + ": the provider says this account cannot make API calls — check billing"
                    : label + ": " + currency + " balance used up — API calls will fail until you top up";
        }
    }

    /**
     * The provider refused the key (HTTP 401 or its "invalid key" answer), or accepted it but it lacks the
     * permission to read the balance (HTTP 403, e.g. not a management or admin key).
     *
     * @param lacksPermission true for the second case (403 / {@code forbidden})
     */
    record KeyRejected(String account, String label, String message, boolean lacksPermission) implements Alert {
        public KeyRejected {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(message, "message");
        }

        /** A refused key (401). */
        public KeyRejected(String account, String label, String message) {
            this(account, label, message, false);
        }

        @Override
        public String text() {
            return label + (lacksPermission ? ": key lacks permission — " : ": key rejected — ") + message;
        }
    }
}
