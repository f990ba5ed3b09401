package dev.tally.core;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Displays money exactly, for people: {@code ¥110.00}, {@code $49.58894}, {@code ¥110.00 CNY}.
 *
 * <p>Never rounds: every significant digit the provider sent is shown. The amount has at least the
 * currency's usual decimals: two for USD, CNY, EUR, GBP ({@code 110} → {@code 110.00}), none for JPY,
 * three for KWD. Zeros beyond those carry no value and are dropped ({@code 110.000} → {@code 110.00},
 * {@code 49.588940} → {@code 49.58894}). A minus sign goes before the symbol ({@code -$0.50}). Stateless and
 * thread-safe; no method accepts {@code null}.
 *
 * <p>Locale: the grouped forms for people ({@link #shortText}, {@link #full}) take the grouping separator and decimal
 * mark of the language Tally speaks ({@link Messages#locale()}; English and Simplified Chinese both write
 * {@code 1,234.50}), never the machine's own locale; the currency stays the provider's ({@code $} stays {@code $}).
 * The plain forms ({@link #plainText}, {@link #amount}) are the same in every language.
 *
 * <p>Two audiences: {@link #shortText} and {@link #full} are for people looking at the desktop widget, the tray
 * and notifications, and group thousands with commas ({@code ¥1,234,567.80}); {@link #plainText} and
 * {@link #amount} never group, for command-line text and anything a script may parse ({@code --json} writes
 * {@link Money#plain()}).
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
     * For display: symbol and amount with thousands grouped, {@code ¥110.00}, {@code ¥1,234,567.80},
     * {@code -$0.50}. A currency without a symbol is written as its code and a space: {@code CHF 12.00}.
     * Never for command-line output (use {@link #plainText}). ({@code short} is a Java keyword, hence the name.)
     */
    public static String shortText(Money money) {
        return text(money, true);
    }

    /**
     * Like {@link #shortText} without grouping, {@code ¥1234567.80}: for command-line text, where amounts stay plain
     * decimals that scripts can read.
     */
    public static String plainText(Money money) {
        return text(money, false);
    }

    private static String text(Money money, boolean grouped) {
        String symbol = symbol(money.currency());
        String digits = digits(money.amount().abs(), money.javaCurrency().getDefaultFractionDigits());
        String sign = money.isNegative() ? "-" : "";
        String gap = symbol.equals(money.currency()) ? " " : "";
        return sign + symbol + gap + (grouped ? group(digits) : digits);
    }

    /**
     * {@code 1234567.80} → {@code 1,234,567.80} with the current language's separators; the fraction is never
     * grouped.
     */
    private static String group(String digits) {
        return group(digits, java.text.DecimalFormatSymbols.getInstance(Messages.locale()));
    }

    /** {@code 1234567.80} → {@code 1,234,567.80} with the separators of {@code symbols}. */
    static String group(String digits, java.text.DecimalFormatSymbols symbols) {
        int dot = digits.indexOf('.');
        String whole = dot < 0 ? digits : digits.substring(0, dot);
        String fraction = dot < 0 ? "" : symbols.getDecimalSeparator() + digits.substring(dot + 1);
        if (whole.length() <= 3) {
            return whole + fraction;
        }
        StringBuilder sb = new StringBuilder(whole);
        for (int i = whole.length() - 3; i > 0; i -= 3) {
            sb.insert(i, symbols.getGroupingSeparator());
        }
        return sb + fraction;
    }

    /**
     * For display, like {@link #shortText}, with the code, unambiguous across currencies that share a symbol: {@code ¥110.00 CNY}.
     * A currency without a symbol is not written twice: {@code CHF 12.00}.
     */
    public static String full(Money money) {
        String s = shortText(money);
        return SYMBOLS.containsKey(money.currency()) ? s + " " + money.currency() : s;
    }
}
