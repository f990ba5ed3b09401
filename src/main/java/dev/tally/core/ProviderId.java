package dev.tally.core;

import java.util.regex.Pattern;

/** A provider's stable identifier, e.g. {@code deepseek}: lower-case letters, digits and dashes. */
public record ProviderId(String value) implements Comparable<ProviderId> {
    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    public ProviderId {
        if (value == null || !SLUG.matcher(value).matches()) {
            throw new IllegalArgumentException("not a provider id: " + value);
        }
    }

    public static ProviderId of(String value) {
        return new ProviderId(value);
    }

    @Override
    public int compareTo(ProviderId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
