package dev.tally.alert;

import dev.tally.core.Money;
import dev.tally.core.MoneyFormat;

/**
 * Money for people in alert lines: {@code ¥4.20}, {@code $5.00}, {@code CHF 12.50}, {@code JPY 1200}; never rounded.
 * {@link #format} is the command line's plain form ({@link MoneyFormat#plainText}, e.g. {@code tally watch});
 * {@link #display} is the desktop's, written exactly as the balance cards and the tray write it
 * ({@link MoneyFormat#shortText}, thousands grouped).
 */
final class MoneyText {
    private MoneyText() {
    }

    static String format(Money m) {
        return MoneyFormat.plainText(m);
    }

    static String display(Money m) {
        return MoneyFormat.shortText(m);
    }
}
