package dev.tally.provider;

import dev.tally.core.Secret;

import java.util.Collection;
import java.util.regex.Pattern;

/** Makes text from outside (provider messages, exception texts) safe to show and log. */
public final class Redactor {
    /** Things that look like API keys even when they are not ours (providers echo masked or partial keys). */
    private static final Pattern KEY_LIKE = Pattern.compile(
            "(?i)\\b(sk|xai|sk-ant|sk-or|sk_|pk|rk|key|api[-_]?key)[-_][A-Za-z0-9_\\-*.]{6,}");
    private static final Pattern BEARER = Pattern.compile("(?i)bearer\\s+[A-Za-z0-9._~+/=-]{8,}");
    private static final int MAX = 200;

    private Redactor() {
    }

    /** Removes every given secret and anything key-like, flattens to one line and caps the length. */
    public static String clean(String text, Collection<Secret> secrets) {
        if (text == null) {
            return "";
        }
        String t = text;
        for (Secret s : secrets) {
            t = t.replace(s.reveal(), "[key]");
        }
        t = BEARER.matcher(t).replaceAll("Bearer [key]");
        t = KEY_LIKE.matcher(t).replaceAll("[key]");
        t = t.replaceAll("\\p{Cntrl}+", " ").strip();
        return t.length() > MAX ? t.substring(0, MAX) + "…" : t;
    }
}
