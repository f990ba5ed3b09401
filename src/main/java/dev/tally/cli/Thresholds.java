package dev.tally.cli;

import dev.tally.core.Currencies;
import dev.tally.core.Money;
import dev.tally.provider.ProviderInfo;
import dev.tally.provider.Region;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses a low-balance threshold typed by a person: {@code 5}, {@code 5.00 CNY}, {@code USD 5}, {@code $5}, {@code ¥5}. */
final class Thresholds {
    private static final Map<String, String> SYMBOLS = Map.of("$", "USD", "¥", "CNY", "￥", "CNY", "€", "EUR", "£", "GBP");
    private static final Pattern FORM = Pattern.compile(
            "^\\s*([A-Za-z]{3}|[$¥￥€£])?\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([A-Za-z]{3})?\\s*$");

    private Thresholds() {
    }

    /**
     * @throws IllegalArgumentException with a message saying what to type
     */
    static Money parse(String text, ProviderInfo info, String region) {
        Matcher m = FORM.matcher(text == null ? "" : text);
        if (!m.matches() || m.group(1) != null && m.group(3) != null) {
            throw new IllegalArgumentException("threshold '" + text + "' is not an amount; write e.g. 5, 5.00 CNY or $5");
        }
        BigDecimal amount = new BigDecimal(m.group(2));
        String code = m.group(1) != null ? m.group(1) : m.group(3);
        if (code != null) {
            code = SYMBOLS.getOrDefault(code, code.toUpperCase(Locale.ROOT));
            if (!Currencies.isIso(code)) {
                throw new IllegalArgumentException("'" + code + "' is not an ISO currency code (e.g. CNY, USD)");
            }
            return new Money(amount, code);
        }
        String implied = info.region(region).map(Region::currency).orElse(null);
        if (implied == null) {
            throw new IllegalArgumentException(info.displayName()
                    + " can report more than one currency; say which one, e.g. --threshold '" + amount.toPlainString() + " CNY'");
        }
        return new Money(amount, implied);
    }
}
