package dev.tally.alert;

import dev.tally.core.Money;
import dev.tally.core.Remedy;
import dev.tally.status.Ages;
import dev.tally.status.Phrase;
import dev.tally.status.Remedies;

import java.util.Objects;

/**
 * Something the user should be told about an account, once. Immutable. {@link #text()} is the one-line
 * wording shared by every notifier; it never contains a key. The words are the status vocabulary's
 * ({@link Phrase}).
 */
public sealed interface Alert {

    /** The account id. */
    String account();

    /** The account's display label, e.g. {@code DeepSeek (work)}. */
    String label();

    /**
     * One line for people, e.g. {@code DeepSeek (work): ¥4.20 left — below your ¥5.00 alert}, as the command line
     * prints it (plain amounts, advice as commands such as {@code --region}).
     */
    String text();

    /**
     * {@link #text()} for a desktop notification: amounts written like the cards ({@code ¥1,234.50}) and advice
     * said the widget's way ("check Settings → Region").
     */
    default String displayText() {
        return text();
    }

    /** The alert without amounts or details, for while amounts are hidden (screen sharing). */
    default String hiddenText() {
        return switch (this) {
            case LowBalance l -> Phrase.ALERT_HIDDEN_LOW.say(label());
            case EstimateLow l -> Phrase.ALERT_HIDDEN_ESTIMATE_LOW.say(label());
            case EstimateUsedUp u -> Phrase.ALERT_ESTIMATE_USED_UP.say(label());
            case Exhausted e -> Phrase.ALERT_HIDDEN_USED_UP.say(label());
            case SpendDisagrees d -> Phrase.ALERT_HIDDEN_SPEND_DISAGREES.say(label());
            case KeyRejected k -> k.lacksPermission() ? Phrase.ALERT_HIDDEN_KEY_LACKS_PERMISSION.say(label())
                    : Phrase.ALERT_HIDDEN_KEY_REJECTED.say(label());
        };
    }

    /**
     * The estimated balance (the person's known top-up minus the provider-reported spend) went below the threshold.
     * Says it is an estimate.
     */
    record EstimateLow(String account, String label, Money estimate, Money threshold) implements Alert {
        public EstimateLow {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(estimate, "estimate");
            Objects.requireNonNull(threshold, "threshold");
        }

        @Override
        public String text() {
            return Phrase.ALERT_ESTIMATE_LOW.say(label, MoneyText.format(estimate), MoneyText.format(threshold));
        }

        @Override
        public String displayText() {
            return Phrase.ALERT_ESTIMATE_LOW.say(label, MoneyText.display(estimate), MoneyText.display(threshold));
        }
    }

    /** The estimated balance reached zero or below: the console has the real answer. Says it is an estimate. */
    record EstimateUsedUp(String account, String label) implements Alert {
        public EstimateUsedUp {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(label, "label");
        }

        @Override
        public String text() {
            return Phrase.ALERT_ESTIMATE_USED_UP.say(label);
        }
    }

    /**
     * Over the last day the balance went down by more than the usage the provider reports for the same time (beyond
     * the tolerance): another key, a leaked key, a bug or untracked usage. Raised only when the user turned these
     * checks on (Settings → General; off by default).
     *
     * @param difference how much more the balance fell than the reported usage explains
     * @param since      the start of the compared period
     */
    record SpendDisagrees(String account, String label, Money difference, java.time.Instant since) implements Alert {
        public SpendDisagrees {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(difference, "difference");
            Objects.requireNonNull(since, "since");
        }

        @Override
        public String text() {
            return Phrase.ALERT_SPEND_DISAGREES.say(label, MoneyText.format(difference), since.toString());
        }

        @Override
        public String displayText() {
            return Phrase.ALERT_SPEND_DISAGREES.say(label, MoneyText.display(difference), Ages.weekdayTime(since, java.time.ZoneId.systemDefault()));
        }
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
            return Phrase.ALERT_LOW.say(label, MoneyText.format(balance), MoneyText.format(threshold));
        }

        @Override
        public String displayText() {
            return Phrase.ALERT_LOW.say(label, MoneyText.display(balance), MoneyText.display(threshold));
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
            return currency == null ? Phrase.ALERT_UNAVAILABLE.say(label) : Phrase.ALERT_USED_UP.say(label, currency);
        }
    }

    /**
     * The provider refused the key (HTTP 401 or its "invalid key" answer), or accepted it but it lacks the
     * permission to read the balance (HTTP 403, e.g. not a management or admin key).
     *
     * @param message         what happened (the fetch error's message)
     * @param lacksPermission true for the second case (403 / {@code forbidden})
     * @param remedy          what to do (the fetch error's remedy)
     */
    record KeyRejected(String account, String label, String message, boolean lacksPermission, Remedy remedy)
            implements Alert {
        public KeyRejected {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(remedy, "remedy");
        }

        /** Nothing to do but read the message. */
        public KeyRejected(String account, String label, String message, boolean lacksPermission) {
            this(account, label, message, lacksPermission, Remedy.NONE);
        }

        /** A refused key (401). */
        public KeyRejected(String account, String label, String message) {
            this(account, label, message, false);
        }

        @Override
        public String text() {
            return say(Remedies.Front.COMMAND_LINE);
        }

        @Override
        public String displayText() {
            return say(Remedies.Front.DESKTOP);
        }

        private String say(Remedies.Front front) {
            String detail = Remedies.say(message, remedy, front);
            return lacksPermission ? Phrase.ALERT_KEY_LACKS_PERMISSION.say(label, detail)
                    : Phrase.ALERT_KEY_REJECTED.say(label, detail);
        }
    }
}
