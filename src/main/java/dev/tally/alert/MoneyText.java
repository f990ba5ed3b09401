package dev.tally.alert;

import dev.tally.core.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/** Money for people in alert lines: {@code ¥4.20}, {@code $5.00}, {@code 12.50 CHF}; never rounded. */
final class MoneyText {
    private static final Map<String, String> SYMBOLS = Map.of("USD", "$", "CNY", "¥", "EUR", "€", "GBP", "£",
            "JPY", "¥", "INR", "₹", "KRW", "₩");

    private MoneyText() {
    }

    static String format(Money m) {
        BigDecimal amount = m.amount();
        int digits = m.javaCurrency().getDefaultFractionDigits();
        if (digits > 0 && amount.scale() < digits) {
            amount = amount.setScale(digits, RoundingMode.UNNECESSARY);
        }
        String symbol = SYMBOLS.get(m.currency());
        if (symbol == null) {
            return amount.toPlainString() + " " + m.currency();
        }
        return (amount.signum() < 0 ? "-" : "") + symbol + amount.abs().toPlainString();
    }
}
