package dev.tally.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.core.Secret;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Makes text from outside (provider messages, values copied from an answer, exception texts) safe to
 * show and log: the keys of the request and anything key-like are removed, the text is flattened to one
 * line and capped. Every value from a response that goes into a message passes through {@link #quote};
 * longer free text (a provider's own error message) through {@link #clean}. Immutable and thread-safe.
 */
public final class Redactor {
    /** Things that look like API keys even when they are not ours (providers echo masked or partial keys). */
    private static final Pattern KEY_LIKE = Pattern.compile(
            "(?i)\\b(sk|xai|sk-ant|sk-or|sk_|pk|rk|key|api[-_]?key)[-_][A-Za-z0-9_\\-*.]{6,}");
    private static final Pattern BEARER = Pattern.compile("(?i)bearer\\s+[A-Za-z0-9._~+/=-]{8,}");
    /** Control characters (C0, C1), invisible format characters (bidi overrides) and Unicode line breaks. */
    private static final Pattern NOT_ONE_LINE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]+");
    /** Free text such as a provider's error message. */
    static final int MAX_TEXT = 200;
    /** A single value quoted from an answer (a currency, an amount, a type name). */
    static final int MAX_QUOTE = 40;

    /** Knows no key; still removes key-like text. For answers that were fetched without a key. */
    public static final Redactor NONE = new Redactor(List.of());

    private final List<Secret> secrets;

    private Redactor(List<Secret> secrets) {
        this.secrets = secrets;
    }

    /** A redactor that removes these keys. */
    public static Redactor of(Collection<Secret> secrets) {
        return new Redactor(List.copyOf(secrets));
    }

    /** Removes the keys and anything key-like, flattens to one line and caps at 200 characters. */
    public String clean(String text) {
        return cap(safe(text), MAX_TEXT);
    }

    /**
     * A value copied from an answer, ready to put into a message: redacted like {@link #clean}, one line,
     * at most 40 characters (then "…"), in single quotes. {@code null} becomes {@code null} without quotes.
     */
    public String quote(String value) {
        if (value == null) {
            return "null";
        }
        return "'" + cap(safe(value), MAX_QUOTE) + "'";
    }

    /**
     * A JSON value from an answer for a message: text as {@link #quote}, numbers and booleans as they are
     * (capped), objects and lists by their kind, absent or null as "missing".
     */
    public String describe(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return "missing";
        }
        if (n.isTextual()) {
            return quote(n.asText());
        }
        if (n.isNumber() || n.isBoolean()) {
            return cap(n.asText(), MAX_QUOTE);
        }
        return n.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    /** {@link #clean} with these keys. */
    public static String clean(String text, Collection<Secret> secrets) {
        return of(secrets).clean(text);
    }

    /** {@link #quote} with these keys. */
    public static String quote(String value, Collection<Secret> secrets) {
        return of(secrets).quote(value);
    }

    private String safe(String text) {
        if (text == null) {
            return "";
        }
        String t = text;
        // the whole key first, before anything changes the text around it
        for (Secret s : secrets) {
            String k = s.reveal();
            if (!k.isEmpty()) {
                t = t.replace(k, "[key]");
            }
        }
        t = BEARER.matcher(t).replaceAll("Bearer [key]");
        t = KEY_LIKE.matcher(t).replaceAll("[key]");
        return NOT_ONE_LINE.matcher(t).replaceAll(" ").strip();
    }

    private static String cap(String t, int max) {
        if (t.codePointCount(0, t.length()) <= max) {
            return t;
        }
        return t.substring(0, t.offsetByCodePoints(0, max)) + "…";
    }
}
