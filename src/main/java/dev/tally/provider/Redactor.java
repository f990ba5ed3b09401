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
 *
 * <p>What counts as one of the request's keys, so that an echo in any shape is removed:
 * <ol>
 *   <li>the whole key (one shorter than {@value #MIN_BODY} characters only as a whole token, so a short test key
 *       such as {@code m} does not turn "management" into "[key]anage[key]ent");</li>
 *   <li>its <b>body</b>: every tail of the key that follows a {@code -} or {@code _} and is at least
 *       {@value #MIN_BODY} characters long, so a provider that echoes {@code CANARY-1234abcd} for the key
 *       {@code sk-CANARY-1234abcd} (its prefix {@code sk-}, {@code sk-or-v1-}, {@code sk-ant-admin01-},
 *       {@code xai-} dropped) is caught;</li>
 *   <li>any run of at least {@value #MIN_RUN} consecutive characters of the key, wherever it sits in the key
 *       (a key cut short, or a masked echo that keeps a long piece). The whole matching run is removed, not just
 *       {@value #MIN_RUN} characters of it.</li>
 * </ol>
 * Shorter pieces are left alone on purpose: masked hints such as {@code sk-…a1b2} or {@code sk-or-v1-au7...890}
 * give away too little of a random key to matter, and matching them would eat ordinary words. The cost is one
 * {@link String#indexOf} pass over the text per {@value #MIN_RUN}-character window of each key.
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

    /**
     * A tail of a key after {@code -} or {@code _} at least this long is removed as the key's body; a whole key shorter
     * than this is removed only where it stands as a token of its own (not inside a word).
     */
    static final int MIN_BODY = 8;
    /** A run of at least this many consecutive characters of a key is removed wherever it appears. */
    static final int MIN_RUN = 16;

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
        // our keys first, before anything changes the text around them
        for (Secret s : secrets) {
            t = removeKey(t, s.reveal());
        }
        t = BEARER.matcher(t).replaceAll("Bearer [key]");
        t = KEY_LIKE.matcher(t).replaceAll("[key]");
        return NOT_ONE_LINE.matcher(t).replaceAll(" ").strip();
    }

    /** Removes the key, its body and every run of at least {@value #MIN_RUN} of its characters (see the class comment). */
    static String removeKey(String text, String key) {
        if (key.isEmpty()) {
            return text;
        }
        String t = removeRuns(text, key);
        if (key.length() < MIN_BODY) {
            // a short key (a test key, a PIN-like token) is removed only where it stands as a whole token, so
            // "management" survives a key such as "m"
            return Pattern.compile("(?<![\\p{L}\\p{N}_-])" + Pattern.quote(key) + "(?![\\p{L}\\p{N}_-])")
                    .matcher(t).replaceAll("[key]");
        }
        t = t.replace(key, "[key]");
        for (String body : bodies(key)) {
            t = t.replace(body, "[key]");
        }
        return t;
    }

    /** Every tail of {@code key} after a {@code -} or {@code _} with at least {@value #MIN_BODY} characters, longest first. */
    static List<String> bodies(String key) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 1; i < key.length(); i++) {
            char c = key.charAt(i - 1);
            if ((c == '-' || c == '_') && key.length() - i >= MIN_BODY) {
                out.add(key.substring(i));
            }
        }
        return out;
    }

    /** Replaces each maximal stretch of the text that is a run of at least {@value #MIN_RUN} characters of the key. */
    private static String removeRuns(String text, String key) {
        if (key.length() < MIN_RUN || text.length() < MIN_RUN) {
            return text;
        }
        boolean[] hit = new boolean[text.length()];
        boolean any = false;
        for (int k = 0; k + MIN_RUN <= key.length(); k++) {
            String window = key.substring(k, k + MIN_RUN);
            for (int at = text.indexOf(window); at >= 0; at = text.indexOf(window, at + 1)) {
                java.util.Arrays.fill(hit, at, at + MIN_RUN, true);
                any = true;
            }
        }
        if (!any) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (!hit[i]) {
                out.append(text.charAt(i));
            } else if (i == 0 || !hit[i - 1]) {
                out.append("[key]");
            }
        }
        return out.toString();
    }

    private static String cap(String t, int max) {
        if (t.codePointCount(0, t.length()) <= max) {
            return t;
        }
        return t.substring(0, t.offsetByCodePoints(0, max)) + "…";
    }
}
