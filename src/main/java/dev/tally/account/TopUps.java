package dev.tally.account;

import dev.tally.core.Currencies;
import dev.tally.core.KnownTopUp;
import dev.tally.core.Money;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Known top-ups typed by a person: {@code 120 USD}, {@code USD 120}, {@code $120} with an optional date
 * ({@code 2026-11-30}, the start of that UTC day) or time ({@code 2026-11-30T18:00Z}, {@code 2026-11-30T18:00} in
 * UTC). Stateless, never blocks.
 */
public final class TopUps {
    private static final Map<String, String> SYMBOLS = Map.of("$", "USD", "¥", "CNY", "￥", "CNY", "€", "EUR", "£", "GBP");
    private static final Pattern FORM = Pattern.compile(
            "^\\s*([A-Za-z]{3}|[$¥￥€£])?\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([A-Za-z]{3})?\\s*$");

    private TopUps() {
    }

    /**
     * Parses what the person had after the top-up. The currency must be given: Tally never guesses it, and an
     * estimate is only made when it is the currency the provider reports spend in.
     *
     * @throws IllegalArgumentException with a message saying what to type
     */
    public static Money parseAmount(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text);
        if (!m.matches() || m.group(1) != null && m.group(3) != null) {
            throw new IllegalArgumentException(ConfigPhrase.TOP_UP_NOT_AMOUNT.say(text));
        }
        String code = m.group(1) != null ? m.group(1) : m.group(3);
        if (code == null) {
            throw new IllegalArgumentException(ConfigPhrase.SAY_TOP_UP_CURRENCY.say(m.group(2)));
        }
        code = SYMBOLS.getOrDefault(code, code.toUpperCase(Locale.ROOT));
        if (!Currencies.isIso(code)) {
            throw new IllegalArgumentException(ConfigPhrase.NOT_ISO_USD.say(code));
        }
        return new Money(new BigDecimal(m.group(2)), code);
    }

    /**
     * When the top-up was: {@code null} or blank means now; a date is the start of that UTC day; a date and time
     * without an offset is UTC. Refuses a time in the future.
     *
     * @throws IllegalArgumentException with a message saying what to type
     */
    public static Instant parseWhen(String text, Clock clock) {
        Instant now = clock.instant();
        if (text == null || text.isBlank()) {
            return now;
        }
        String t = text.strip();
        Instant at;
        try {
            if (t.length() == 10) {
                at = LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
            } else if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                at = OffsetDateTime.parse(t).toInstant();
            } else {
                at = LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(ConfigPhrase.NOT_A_DATE.say(t));
        }
        if (at.isAfter(now)) {
            throw new IllegalArgumentException(ConfigPhrase.IN_THE_FUTURE.say(t));
        }
        return at;
    }

    /** Both at once. */
    public static KnownTopUp parse(String amount, String when, Clock clock) {
        return new KnownTopUp(parseAmount(amount), parseWhen(when, clock));
    }
}
