package dev.tally.core;

import java.util.Currency;
import java.util.Locale;

/** ISO 4217 checks shared by the money records. */
public final class Currencies {
    private Currencies() {
    }

    /**
     * Returns the upper-case ISO 4217 code, or throws if {@code code} is not one.
     *
     * @throws IllegalArgumentException naming the bad code
     */
    public static String requireIso(String code) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("currency code is missing");
        }
        String upper = code.trim().toUpperCase(Locale.ROOT);
        try {
            Currency.getInstance(upper);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + code + "' is not an ISO 4217 currency code");
        }
        return upper;
    }

    /** True when {@code code} is an ISO 4217 code (any case). Never throws. */
    public static boolean isIso(String code) {
        try {
            requireIso(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
