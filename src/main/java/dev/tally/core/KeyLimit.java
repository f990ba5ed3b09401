package dev.tally.core;

import java.math.BigDecimal;

/**
 * A per-key spending cap as reported by the provider (OpenRouter's {@code /key}, Requesty, LiteLLM, new-api). This is
 * the key's own cap, not the account balance; what is left under it (limit − spend) counts as what is left wherever
 * the account has no balance of its own (alerts, the sparkline, the runway).
 *
 * @param currency        ISO code of the amounts
 * @param limit           the cap, or {@code null} when the key is unlimited (never zero for "unlimited")
 * @param remaining       what is left under the cap, or {@code null} when unlimited
 * @param usage           what the key has used (since the last reset, where the cap resets), or {@code null} if not
 *                        reported
 * @param reset           when the cap resets: a period ("daily", "weekly", "monthly") or the next reset as an ISO
 *                        instant (LiteLLM's {@code budget_reset_at}); {@code null} for never. A reset is not money
 *                        added: the history reads it as the usage starting again from zero
 * @param currencyAssumed true when the response does not state the currency and it was taken from the provider's
 *                        documentation or host, as {@link CurrencyBalance#currencyAssumed()}
 */
public record KeyLimit(String currency, BigDecimal limit, BigDecimal remaining, BigDecimal usage, String reset,
                       boolean currencyAssumed) {
    public KeyLimit {
        currency = Currencies.requireIso(currency);
    }

    /** A key limit in a currency the response states (or the documentation fixes). */
    public KeyLimit(String currency, BigDecimal limit, BigDecimal remaining, BigDecimal usage, String reset) {
        this(currency, limit, remaining, usage, reset, false);
    }

    public boolean unlimited() {
        return limit == null;
    }
}
