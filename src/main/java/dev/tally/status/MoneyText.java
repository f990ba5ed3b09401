package dev.tally.status;

import dev.tally.core.Money;
import dev.tally.core.MoneyFormat;

import java.math.BigDecimal;

/**
 * Money in status text. The desktop (cards, tray, notifications, settings) writes {@link MoneyFormat#shortText}
 * ({@code ¥1,234.50}) or {@value #HIDDEN} while amounts are hidden for screen sharing; the command line writes plain
 * decimals scripts can read ({@code 110.00 CNY}). Stateless and thread-safe.
 */
public final class MoneyText {
    /** What replaces an amount when amounts are hidden. */
    public static final String HIDDEN = "•••";

    private MoneyText() {
    }

    /** For the desktop: {@code ¥110.00}, or {@value #HIDDEN} when {@code hide}. */
    public static String shown(Money m, boolean hide) {
        return hide ? HIDDEN : MoneyFormat.shortText(m);
    }

    /** For the desktop: {@code ¥110.00}, or {@value #HIDDEN} when {@code hide}. */
    public static String shown(BigDecimal amount, String currency, boolean hide) {
        return hide ? HIDDEN : MoneyFormat.shortText(new Money(amount, currency));
    }

    /** For the command line's balance lines: the exact decimal and the code, {@code 110.00 CNY}. */
    public static String commandLine(BigDecimal amount, String currency) {
        return amount.toPlainString() + " " + currency;
    }
}
