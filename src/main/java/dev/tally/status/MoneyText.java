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

    /**
     * For the command line's text: {@code 1,234.50 CNY} with thousands grouped as the desktop groups them, or the
     * plain {@link #commandLine(BigDecimal, String)} when not {@code grouped} ({@code --plain}).
     */
    public static String commandLine(BigDecimal amount, String currency, boolean grouped) {
        return number(amount, grouped) + " " + currency;
    }

    /**
     * The exact decimal, every digit kept ({@code 100.0000} stays so), with the whole part grouped in threes when
     * {@code grouped}: {@code 1,234,567.80}, with the separators of the language Tally speaks ({@link
     * dev.tally.core.Messages#locale()}, not the machine's locale).
     */
    public static String number(BigDecimal amount, boolean grouped) {
        if (!grouped) {
            return amount.toPlainString();
        }
        java.text.DecimalFormat f = new java.text.DecimalFormat("#,##0", java.text.DecimalFormatSymbols.getInstance(dev.tally.core.Messages.locale()));
        int scale = Math.max(0, amount.scale());
        f.setMinimumFractionDigits(scale);
        f.setMaximumFractionDigits(scale);
        f.setRoundingMode(java.math.RoundingMode.UNNECESSARY);
        return f.format(amount);
    }
}
