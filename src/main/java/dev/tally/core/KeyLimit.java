package dev.tally.core;

import java.math.BigDecimal;

/**
 * A per-key spending cap as reported by the provider (OpenRouter's {@code /key}). This is the
 * key's own cap, not the account balance.
 *
 * @param currency  ISO code of the amounts
 * @param limit     the cap, or {@code null} when the key is unlimited (never zero for "unlimited")
 * @param remaining what is left under the cap, or {@code null} when unlimited
 * @param usage     what the key has used in total, or {@code null} if not reported
 * @param reset     when the cap resets ("daily", "weekly", "monthly"), or {@code null} for never
 */
public record KeyLimit(String currency, BigDecimal limit, BigDecimal remaining, BigDecimal usage, String reset) {
    public KeyLimit {
        currency = Currencies.requireIso(currency);
    }

    public boolean unlimited() {
        return limit == null;
    }
}
