package dev.tally.core;

import java.util.Objects;

/**
 * An API key. Its {@link #toString()} never shows it, so it cannot leak through logs, exceptions or
 * string concatenation by accident; only {@link #reveal()} (used to build a request header) and
 * {@link #hint()} see it.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * @throws IllegalArgumentException if the key is empty or contains line breaks or control characters
     *                                  (the message never contains the key)
     */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "key");
        String v = value.strip();
        if (v.isEmpty()) {
            throw new IllegalArgumentException("the key is empty");
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.isISOControl(c)) {
                throw new IllegalArgumentException("the key contains a control character or line break");
            }
        }
        return new Secret(v);
    }

    /** The key itself. Call only to put it into a request header or the keychain. */
    public String reveal() {
        return value;
    }

    /** A masked hint that is safe to show: the prefix up to the first dash and the last four characters, e.g. {@code sk-…a1b2}. */
    public String hint() {
        String tail = value.length() > 8 ? value.substring(value.length() - 4) : "";
        int dash = value.indexOf('-');
        String prefix = dash > 0 && dash <= 6 && value.length() > 12 ? value.substring(0, dash + 1) : "";
        return prefix + "…" + tail;
    }

    @Override
    public String toString() {
        return "Secret[hidden]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
