package dev.tally.account;

import dev.tally.core.Currencies;
import dev.tally.core.Money;
import dev.tally.provider.ProviderInfo;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Low-balance thresholds typed by a person: {@code 5}, {@code 5.00 CNY}, {@code USD 5}, {@code $5}, {@code ¥5}
 * on the command line, a bare amount next to a currency in the settings dialog. Stateless, never blocks.
 */
public final class Thresholds {
    private static final Map<String, String> SYMBOLS = Map.of("$", "USD", "¥", "CNY", "￥", "CNY", "€", "EUR", "£", "GBP");
    private static final Pattern FORM = Pattern.compile(
            "^\\s*([A-Za-z]{3}|[$¥￥€£])?\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([A-Za-z]{3})?\\s*$");
    private static final Pattern AMOUNT = Pattern.compile("^\\s*([0-9]+(?:\\.[0-9]+)?)\\s*$");

    private Thresholds() {
    }

    /**
     * Parses an amount with an optional currency; without one, the currency the provider's region implies. Refuses a
     * threshold that could never fire: on a provider that reports spend only (no balance), or in a currency the
     * provider's balances are never in ({@link ProviderInfo#balanceCurrencies}).
     *
     * @param region region id or {@code null} for the provider's default
     * @throws IllegalArgumentException with a message saying what to type
     */
    public static Money parse(String text, ProviderInfo info, String region) {
        Matcher m = FORM.matcher(text == null ? "" : text);
        if (!m.matches() || m.group(1) != null && m.group(3) != null) {
            throw new IllegalArgumentException("threshold '" + text + "' is not an amount; write e.g. 5, 5.00 CNY or $5");
        }
        unavailableReason(info).ifPresent(why -> {
            throw new IllegalArgumentException(why + "; leave the threshold out");
        });
        BigDecimal amount = new BigDecimal(m.group(2));
        List<String> reported = info.balanceCurrencies(region);
        String where = info.displayName() + (region == null ? "" : " (" + region + ")");
        String code = m.group(1) != null ? m.group(1) : m.group(3);
        if (code != null) {
            code = SYMBOLS.getOrDefault(code, code.toUpperCase(Locale.ROOT));
            if (!Currencies.isIso(code)) {
                throw new IllegalArgumentException("'" + code + "' is not an ISO currency code (e.g. CNY, USD)");
            }
            if (!reported.isEmpty() && !reported.contains(code)) {
                throw new IllegalArgumentException(where + " reports balances in " + String.join(" or ", reported)
                        + ", so an alert in " + code + " would never fire; write e.g. '" + amount.toPlainString() + " "
                        + reported.getFirst() + "'");
            }
            return new Money(amount, code);
        }
        if (reported.size() == 1) {
            return new Money(amount, reported.getFirst());
        }
        if (reported.isEmpty()) {
            throw new IllegalArgumentException("say which currency the alert is in, e.g. '" + amount.toPlainString() + " USD'");
        }
        throw new IllegalArgumentException(where + " can report balances in " + String.join(" and ", reported)
                + "; say which one, e.g. '" + amount.toPlainString() + " " + reported.getFirst() + "'");
    }

    /**
     * Parses an alert level on an estimated balance (a provider that reports spend only, with a known top-up): an
     * amount in the top-up's currency, which is the default.
     *
     * @throws IllegalArgumentException with a message saying what to type
     */
    public static Money parseForEstimate(String text, String topUpCurrency) {
        Matcher m = FORM.matcher(text == null ? "" : text);
        if (!m.matches() || m.group(1) != null && m.group(3) != null) {
            throw new IllegalArgumentException("threshold '" + text + "' is not an amount; write e.g. 5, 5.00 USD or $5");
        }
        String code = m.group(1) != null ? m.group(1) : m.group(3);
        code = code == null ? topUpCurrency : SYMBOLS.getOrDefault(code, code.toUpperCase(Locale.ROOT));
        if (!code.equals(topUpCurrency)) {
            throw new IllegalArgumentException("the alert is on your estimated balance, which is in " + topUpCurrency
                    + " like your top-up; write e.g. '" + m.group(2) + " " + topUpCurrency + "'");
        }
        return new Money(new BigDecimal(m.group(2)), code);
    }

    /**
     * Why the provider can have no low-balance alert (it reports spend only, no balance), or empty when it can.
     */
    public static Optional<String> unavailableReason(ProviderInfo info) {
        if (info.reportsBalance()) {
            return Optional.empty();
        }
        return Optional.of(info.displayName() + " reports spend only, not a balance, so a low-balance alert would"
                + " never fire");
    }

    /**
     * Parses a bare, non-negative amount such as {@code 5} or {@code 5.50} (the currency is chosen apart).
     *
     * @throws IllegalArgumentException with a message saying what to type
     */
    public static BigDecimal parseAmount(String text) {
        Matcher m = AMOUNT.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + (text == null ? "" : text.strip())
                    + "' is not an amount; write e.g. 5 or 5.50");
        }
        return new BigDecimal(m.group(1));
    }

    /**
     * The one currency the provider's balances are in for this region, or empty when the provider can report
     * several (DeepSeek: CNY and USD) and a threshold must name its currency, or reports no balance at all.
     *
     * @param region region id or {@code null} for the provider's default
     */
    public static Optional<String> impliedCurrency(ProviderInfo info, String region) {
        List<String> reported = info.balanceCurrencies(region);
        return reported.size() == 1 ? Optional.of(reported.getFirst()) : Optional.empty();
    }
}
