package dev.tally.cli;

import dev.tally.core.BalanceSnapshot;
import dev.tally.core.CurrencyBalance;
import dev.tally.core.FetchError;
import dev.tally.core.KeyLimit;
import dev.tally.poll.FetchOutcome;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** One human line per account, e.g. {@code DeepSeek: 110.00 CNY (paid 100.00, granted 10.00)}. */
final class BalanceText {
    private BalanceText() {
    }

    static String line(FetchOutcome o) {
        String label = o.target().label();
        return switch (o) {
            case FetchOutcome.Success s -> label + ": " + describe(s.snapshot());
            case FetchOutcome.Failure f -> label + ": " + describe(f.error());
        };
    }

    static String describe(FetchError e) {
        return switch (e) {
            case FetchError.Unsupported u -> u.message();
            case FetchError.NoKey n -> n.message();
            case FetchError.AuthFailed a -> "key rejected — " + a.message();
            case FetchError.Forbidden f -> "key not allowed — " + f.message();
            case FetchError.RateLimited r -> "rate limited — " + r.message();
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
