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
            throw new IllegalArgumentException(ConfigPhrase.THRESHOLD_NOT_AMOUNT.say(text));
        }
        unavailableReason(info).ifPresent(why -> {
            throw new IllegalArgumentException(ConfigPhrase.THRESHOLD_LEAVE_OUT.say(why));
        });
        BigDecimal amount = new BigDecimal(m.group(2));
        List<String> reported = info.balanceCurrencies(region);
        String where = info.displayName() + (region == null ? "" : " (" + region + ")");
        String code = m.group(1) != null ? m.group(1) : m.group(3);
        if (code != null) {
            code = SYMBOLS.getOrDefault(code, code.toUpperCase(Locale.ROOT));
            if (!Currencies.isIso(code)) {
                throw new IllegalArgumentException(ConfigPhrase.NOT_ISO.say(code));
            }
            if (!reported.isEmpty() && !reported.contains(code)) {
                throw new IllegalArgumentException(ConfigPhrase.NEVER_FIRES.say(where, join(ConfigPhrase.OR, reported), code,
                        amount.toPlainString() + " " + reported.getFirst()));
            }
            return new Money(amount, code);
        }
        if (reported.size() == 1) {
            return new Money(amount, reported.getFirst());
        }
        if (reported.isEmpty()) {
            throw new IllegalArgumentException(ConfigPhrase.SAY_ALERT_CURRENCY.say(amount.toPlainString()));
        }
        throw new IllegalArgumentException(ConfigPhrase.SAY_WHICH_CURRENCY.say(where, join(ConfigPhrase.AND, reported),
                amount.toPlainString() + " " + reported.getFirst()));
    }

    /** "CNY or USD", "CNY, EUR or USD" in the current language. */
    private static String join(ConfigPhrase last, List<String> codes) {
        String out = codes.getFirst();
        for (int i = 1; i < codes.size(); i++) {
            out = i == codes.size() - 1 ? last.say(out, codes.get(i)) : out + ", " + codes.get(i);
        }
        return out;
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
            throw new IllegalArgumentException(ConfigPhrase.THRESHOLD_NOT_AMOUNT_USD.say(text));
        }
        String code = m.group(1) != null ? m.group(1) : m.group(3);
        code = code == null ? topUpCurrency : SYMBOLS.getOrDefault(code, code.toUpperCase(Locale.ROOT));
        if (!code.equals(topUpCurrency)) {
            throw new IllegalArgumentException(ConfigPhrase.ESTIMATE_CURRENCY.say(topUpCurrency, m.group(2)));
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
        return Optional.of(ConfigPhrase.SPEND_ONLY.say(info.displayName()));
    }

    /**
     * Parses a bare, non-negative amount such as {@code 5} or {@code 5.50} (the currency is chosen apart).
     *
     * @throws IllegalArgumentException with a message saying what to type
     */
    public static BigDecimal parseAmount(String text) {
        Matcher m = AMOUNT.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException(ConfigPhrase.NOT_AN_AMOUNT.say(text == null ? "" : text.strip()));
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
