package dev.tally.core;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Displays money exactly, for people: {@code ¥110.00}, {@code $49.58894}, {@code ¥110.00 CNY}.
 *
 * <p>Never rounds: every significant digit the provider sent is shown. The amount has at least the
 * currency's usual decimals: two for USD, CNY, EUR, GBP ({@code 110} → {@code 110.00}), none for JPY,
 * three for KWD. Zeros beyond those carry no value and are dropped ({@code 110.000} → {@code 110.00},
 * {@code 49.588940} → {@code 49.58894}). No grouping
 * separators and no locale: the output is the same on every machine. A minus sign goes before the
 * symbol ({@code -$0.50}). Stateless and thread-safe; no method accepts {@code null}.
 */
public final class MoneyFormat {
    private static final Map<String, String> SYMBOLS = Map.of(
            "USD", "$",
            "CNY", "¥",
            "EUR", "€",
            "GBP", "£");

    private MoneyFormat() {
    }

    /**
     * The symbol people expect for a currency: {@code $} (USD), {@code ¥} (CNY), {@code €} (EUR),
     * {@code £} (GBP); any other currency is shown by its ISO code.
     */
    public static String symbol(String currencyCode) {
        String code = Currencies.requireIso(currencyCode);
        return SYMBOLS.getOrDefault(code, code);
    }

    /**
     * The amount without symbol, with at least the currency's usual decimals and no lost digits:
     * {@code 49.58894}, {@code 110.00}.
     */
    public static String amount(Money money) {
        return digits(money.amount(), money.javaCurrency().getDefaultFractionDigits());
    }

    private static String digits(BigDecimal amount, int usualDecimals) {
        int min = usualDecimals < 0 ? 2 : usualDecimals;
        BigDecimal a = amount.stripTrailingZeros();
        if (a.scale() < min) {
            a = a.setScale(min);
        }
        return a.toPlainString();
    }

    /**
     * Symbol and amount: {@code ¥110.00}, {@code $74.50}, {@code -$0.50}. A currency without a symbol is
     * written as its code and a space: {@code CHF 12.00}. ({@code short} is a Java keyword, hence the name.)
     */
    public static String shortText(Money money) {
        String symbol = symbol(money.currency());
        String digits = digits(money.amount().abs(), money.javaCurrency().getDefaultFractionDigits());
        String sign = money.isNegative() ? "-" : "";
        String gap = symbol.equals(money.currency()) ? " " : "";
        return sign + symbol + gap + digits;
    }

    /**
     * Symbol, amount and code, unambiguous across currencies that share a symbol: {@code ¥110.00 CNY}.
     * A currency without a symbol is not written twice: {@code CHF 12.00}.
     */
    public static String full(Money money) {
        String s = shortText(money);
        return SYMBOLS.containsKey(money.currency()) ? s + " " + money.currency() : s;
    }
}
