package dev.tally.metrics;

import dev.tally.core.AccountStatus;
import dev.tally.core.CurrencyBalance;
import dev.tally.core.Currencies;
import dev.tally.core.KeyLimit;
import dev.tally.core.SpendReport;
import dev.tally.history.WeekSummary;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Prometheus text exposition format (version 0.0.4) of the accounts' metrics. Units are Prometheus's base
 * units, so {@code promtool check metrics} finds nothing to lint: the runway is {@code tally_runway_seconds}. Amounts
 * are written as the exact decimals the provider reported ({@code 110.00}, never {@code 1.1E2}). Label values are bounded: account and
 * provider ids must be slugs, currencies ISO 4217 codes, statuses the contract's names; a value that is not is left
 * out rather than written. Pure and thread-safe.
 */
public final class PrometheusText {
    /** The content type of the format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final BigDecimal DAY = BigDecimal.valueOf(86_400);
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    /** The metric families, in the order they are written: name to help text. */
    static final Map<String, String> HELP = new LinkedHashMap<>();

    static {
        HELP.put("tally_balance", "What is left on the account in one currency, as the provider reported it.");
        HELP.put("tally_spend_month_to_date", "Spend reported by the provider for the current month.");
        HELP.put("tally_key_limit_remaining", "What is left under the key's own spending cap.");
        HELP.put("tally_threshold", "The account's low-balance alert level.");
        HELP.put("tally_up", "1 when the latest check of the account succeeded, 0 when it failed.");
        HELP.put("tally_poll_status", "The status of the latest check: 1 for the current status, 0 for the others.");
        HELP.put("tally_last_success_timestamp_seconds", "When the latest successful check happened (Unix time).");
        HELP.put("tally_estimated_spend_7d", "Spend over the last 7 days, estimated from balance changes or usage.");
        HELP.put("tally_runway_seconds", "Time until the balance runs out at the last 7 days' rate (divide by 86400 for days).");
    }

    private PrometheusText() {
    }

    public static String render(List<AccountMetrics> accounts) {
        Map<String, StringBuilder> families = new LinkedHashMap<>();
        HELP.keySet().forEach(k -> families.put(k, new StringBuilder()));
        for (AccountMetrics a : accounts) {
            if (!SLUG.matcher(a.account()).matches() || !SLUG.matcher(a.provider()).matches()) {
                continue;
            }
            if (a.lastGood() != null) {
                for (CurrencyBalance b : a.lastGood().balances()) {
                    money(families, "tally_balance", a, b.currency(), b.total());
                }
                SpendReport spend = a.lastGood().spend();
                if (spend != null && SpendReport.MONTH_TO_DATE.equals(spend.period())) {
                    money(families, "tally_spend_month_to_date", a, spend.amount().currency(), spend.amount().amount());
                }
                KeyLimit k = a.lastGood().keyLimit();
                if (k != null && k.limit() != null) {
                    BigDecimal left = k.remaining() != null ? k.remaining()
                            : k.usage() != null ? k.limit().subtract(k.usage()) : null;
                    money(families, "tally_key_limit_remaining", a, k.currency(), left);
                }
            }
            if (a.threshold() != null) {
                money(families, "tally_threshold", a, a.threshold().currency(), a.threshold().amount());
            }
            if (a.lastStatus() != null) {
                sample(families, "tally_up", "{account=\"" + a.account() + "\"}",
                        a.lastStatus() == AccountStatus.OK ? "1" : "0");
                for (AccountStatus s : AccountStatus.values()) {
                    sample(families, "tally_poll_status", "{account=\"" + a.account() + "\",status=\"" + s.jsonName()
                            + "\"}", s == a.lastStatus() ? "1" : "0");
                }
            }
            Instant at = a.lastSuccessAt();
            if (at != null) {
                sample(families, "tally_last_success_timestamp_seconds", "{account=\"" + a.account() + "\"}",
                        BigDecimal.valueOf(at.toEpochMilli(), 3).toPlainString());
            }
            for (WeekSummary w : a.week()) {
                if (w.hasData()) {
                    money(families, "tally_estimated_spend_7d", a, w.currency(), w.total());
                }
                money(families, "tally_runway_seconds", a, w.currency(), w.runwayDays() == null ? null
                        : w.runwayDays().multiply(DAY).setScale(0, java.math.RoundingMode.HALF_UP));
            }
        }
        StringBuilder out = new StringBuilder();
        families.forEach((name, samples) -> {
            out.append("# HELP ").append(name).append(' ').append(HELP.get(name)).append('\n');
            out.append("# TYPE ").append(name).append(" gauge\n");
            out.append(samples);
        });
        return out.toString();
    }

    private static void money(Map<String, StringBuilder> families, String name, AccountMetrics a, String currency,
                              BigDecimal value) {
        if (value == null || !Currencies.isIso(currency) || !currency.equals(Currencies.requireIso(currency))) {
            return;
        }
        sample(families, name, "{account=\"" + a.account() + "\",provider=\"" + a.provider() + "\",currency=\""
                + currency + "\"}", value.toPlainString());
    }

    private static void sample(Map<String, StringBuilder> families, String name, String labels, String value) {
        families.get(name).append(name).append(labels).append(' ').append(value).append('\n');
    }
}
