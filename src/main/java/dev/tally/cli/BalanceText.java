package dev.tally.cli;

import dev.tally.core.BalanceSnapshot;
import dev.tally.core.CurrencyBalance;
import dev.tally.core.FetchError;
import dev.tally.core.KeyLimit;
import dev.tally.poll.FetchOutcome;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** One human line per account, e.g. {@code DeepSeek: 110.00 CNY (paid 100.00, granted 10.00)}. */
final class BalanceText {
    private BalanceText() {
    }

    /**
     * The "; retry in N s" that the HTTP layer appends to a 429 message from the provider's Retry-After. Shown by
     * {@code tally balance} as the provider's request; dropped when it is 0 s (a date in the past means "now", and
     * "retry in 0 s" reads like a fault) and by {@code tally watch}, which states the wait it actually planned.
     */
    private static final Pattern RETRY_AFTER_SUFFIX = Pattern.compile("; retry in \\d+ s$");

    static String line(FetchOutcome o) {
        String label = o.target().label();
        return switch (o) {
            case FetchOutcome.Success s -> label + ": " + describe(s.snapshot());
            case FetchOutcome.Failure f -> label + ": " + describe(f.error());
        };
    }

    /**
     * A line of {@code tally watch}: like {@link #line}, and after a failure the wait the poller actually planned
     * ("next try in 30 s") — for a 429 that is the longer of the provider's Retry-After and the backoff — or that
     * the account waits for its key or settings to change.
     *
     * @param state the account's state after this poll (its {@code nextPollAt} is the planned retry)
     */
    static String watchLine(FetchOutcome o, dev.tally.poll.AccountState state, Instant now) {
        if (!(o instanceof FetchOutcome.Failure f)) {
            return line(o);
        }
        String text = o.target().label() + ": " + describe(f.error(), false);
        if (state != null && state.nextPollAt() != null) {
            return text + " — next try in " + wait(Duration.between(now, state.nextPollAt()));
        }
        if (state != null && state.paused()) {
            return text + " — paused until its key or settings change";
        }
        return text;
    }

    /** "45 s" under two minutes, else whole minutes ("31 min"), rounded up: never shorter than the real wait. */
    static String wait(Duration d) {
        long ms = Math.max(0, d.toMillis());
        long s = (ms + 999) / 1000;
        return s < 120 ? s + " s" : ((s + 59) / 60) + " min";
    }

    /** The error's message for people; a rate-limit message never ends in "retry in 0 s". */
    static String message(FetchError e) {
        return message(e, true);
    }

    private static String message(FetchError e, boolean keepRetryAfter) {
        if (e instanceof FetchError.RateLimited r
                && (!keepRetryAfter || r.retryAfter() == null || r.retryAfter().toSeconds() == 0)) {
            return RETRY_AFTER_SUFFIX.matcher(r.message()).replaceFirst("");
        }
        return e.message();
    }

    static String describe(FetchError e) {
        return describe(e, true);
    }

    private static String describe(FetchError e, boolean keepRetryAfter) {
        return switch (e) {
            case FetchError.Unsupported u -> u.message();
            case FetchError.NoKey n -> n.message();
            case FetchError.AuthFailed a -> "key rejected — " + a.message();
            case FetchError.Forbidden f -> "key not allowed — " + f.message();
            case FetchError.RateLimited r -> "rate limited — " + message(r, keepRetryAfter);
            case FetchError.Timeout t -> "timed out — " + t.message();
            case FetchError.NetworkError n -> "network error — " + n.message();
            case FetchError.BadResponse b -> "bad response — " + b.message();
            case FetchError.ProviderError p -> "provider error — " + p.message();
        };
    }

    static String describe(BalanceSnapshot s) {
        List<String> parts = new ArrayList<>();
        boolean assumed = false;
        for (CurrencyBalance b : s.balances()) {
            StringBuilder sb = new StringBuilder(money(b.total(), b.currency()));
            List<String> split = new ArrayList<>();
            if (b.paid() != null) {
                split.add("paid " + b.paid().toPlainString());
            }
            if (b.granted() != null) {
                split.add("granted " + b.granted().toPlainString());
            }
            if (!split.isEmpty()) {
                sb.append(" (").append(String.join(", ", split)).append(')');
            }
            assumed |= b.currencyAssumed();
            parts.add(sb.toString());
        }
        if (s.spend() != null) {
            parts.add("spent " + money(s.spend().amount().amount(), s.spend().amount().currency()) + " this month");
        }
        if (s.keyLimit() != null) {
            KeyLimit k = s.keyLimit();
            parts.add(k.unlimited()
                    ? "key has no limit" + usage(k)
                    : "key limit " + money(k.limit(), k.currency()) + ", "
                    + (k.remaining() == null ? "remaining unknown" : money(k.remaining(), k.currency()) + " left")
                    + (k.reset() == null ? "" : " (resets " + k.reset() + ")") + usage(k));
        }
        String text = String.join(" · ", parts);
        if (assumed) {
            text += " [currency assumed from the region]";
        }
        if (Boolean.FALSE.equals(s.available())) {
            text += " — not available for API calls";
        }
        if (s.partial()) {
            text += " — " + describe(s.problem());
        }
        return text;
    }

    private static String usage(KeyLimit k) {
        return k.usage() == null ? "" : ", used " + money(k.usage(), k.currency());
    }

    static String money(BigDecimal amount, String currency) {
        return amount.toPlainString() + " " + currency;
    }
}
