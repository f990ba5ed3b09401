package dev.tally.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.core.FetchException;
import dev.tally.core.Money;
import dev.tally.core.SpendReport;
import dev.tally.core.SpendSince;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * What the two documented cost reports (OpenAI {@code /organization/costs}, Anthropic {@code cost_report})
 * share: the UTC month-to-date window, {@code has_more}/{@code next_page} cursors followed with a page cap,
 * and exact summing that never adds different currencies. Each provider reads its own page shape.
 */
final class CostReport {
    /** More pages than this means the cursor is not moving forward; stop rather than loop. */
    static final int MAX_PAGES = 20;
    /** Buckets per page: a whole month of daily buckets. */
    static final int BUCKETS_PER_PAGE = 31;

    private CostReport() {
    }

    /**
     * Top-ups further back than this are not asked about: the report would take more pages than allowed. The
     * estimate ({@code dev.tally.estimate.EstimatedBalance}) says so with the same figure.
     */
    static final Duration MAX_LOOKBACK = Duration.ofDays(400);

    /**
     * One page: the sum of its results ({@code currency} null when it has none), where the next page is, and each
     * bucket's start and sum.
     */
    record Page(BigDecimal sum, String currency, boolean hasMore, String nextPage, List<Bucket> buckets) {
        Page {
            buckets = List.copyOf(buckets);
        }
    }

    /** One reporting bucket (a UTC day): its start ({@code null} when the answer did not say) and its sum. */
    record Bucket(Instant start, BigDecimal sum) {
    }

    /**
     * Where the report must start: the month's start, or the start of the UTC day of {@code since} when that is
     * earlier (and not older than {@link #MAX_LOOKBACK}).
     */
    static Instant queryStart(Instant monthStart, Instant since, Instant now) {
        Instant s = asked(since, now);
        if (s == null) {
            return monthStart;
        }
        Instant day = dayStart(s);
        return day.isBefore(monthStart) ? day : monthStart;
    }

    /** {@code since} when it is to be asked about: not null, not in the future, not older than {@link #MAX_LOOKBACK}. */
    private static Instant asked(Instant since, Instant now) {
        return since == null || since.isAfter(now) || since.isBefore(now.minus(MAX_LOOKBACK)) ? null : since;
    }

    private static Instant dayStart(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first bucket boundary at or after {@code asked}: daily buckets cannot count part of a day. */
    static Instant countFrom(Instant asked) {
        Instant day = dayStart(asked);
        return day.equals(asked) ? asked : day.plus(Duration.ofDays(1));
    }

    /** The sum of the buckets starting at or after {@code from}; a bucket without a start is a bad response. */
    static BigDecimal sumFrom(Page all, Instant from, String name) throws FetchException {
        BigDecimal sum = BigDecimal.ZERO;
        for (Bucket b : all.buckets()) {
            if (b.start() == null) {
                throw FetchException.badResponse(name + ": a bucket has no start time, so spend since "
                        + from + " cannot be told apart");
            }
            if (!b.start().isBefore(from)) {
                sum = sum.add(b.sum());
            }
        }
        return sum;
    }

    /**
     * The month-to-date sum and the spend since {@code since} (see {@link SpendSince}) from one report that started at
     * {@link #queryStart}. {@code money} turns a provider's sum into money (its unit and scale).
     */
    static SpendReport report(Page all, Instant monthStart, Instant since, Instant now, String name,
                              Function<BigDecimal, Money> money) throws FetchException {
        Instant start = queryStart(monthStart, since, now);
        Money month = money.apply(start.equals(monthStart) ? all.sum() : sumFrom(all, monthStart, name));
        Instant asked = asked(since, now);
        SpendSince sinceTopUp = null;
        if (asked != null) {
            Instant from = countFrom(asked);
            sinceTopUp = new SpendSince(money.apply(sumFrom(all, from, name)), asked, from, now, !from.equals(asked));
        }
        return new SpendReport(month, SpendReport.MONTH_TO_DATE, monthStart, now, sinceTopUp);
    }

    /** Reads one page of a provider's report. */
    @FunctionalInterface
    interface PageReader {
        Page read(JsonNode root, String where, Redactor redactor) throws FetchException;
    }

    /** First instant of the UTC month holding {@code now}. */
    static Instant monthStart(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /**
     * Follows the cursor from {@code query} to the last page and sums every page.
     *
     * @param name    the report's name in messages, e.g. "OpenAI costs"
     * @param explain adds provider-specific advice to HTTP errors (e.g. which key is needed)
     * @return the total with its currency ({@code null} when there were no results); a failure on any page
     *         fails the whole fetch — never a partial sum
     */
    static Page readAll(FetchContext ctx, String name, String query, Map<String, String> headers, PageReader reader,
                        UnaryOperator<FetchException> explain) throws FetchException {
        BigDecimal sum = BigDecimal.ZERO;
        String currency = null;
        String cursor = null;
        List<Bucket> buckets = new ArrayList<>();
        for (int n = 1; ; n++) {
            if (n > MAX_PAGES) {
                throw FetchException.badResponse(name + ": still more pages after " + MAX_PAGES
                        + "; stopped so a runaway cursor cannot loop forever");
            }
            JsonNode root;
            try {
                root = ctx.getJson(cursor == null ? query
                        : query + "&page=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8), headers);
            } catch (FetchException e) {
                throw explain.apply(e);
            }
            Page page = reader.read(root, name + " page " + n, ctx.redactor());
            sum = sum.add(page.sum());
            currency = sameCurrency(name, currency, page.currency());
            if (page.hasMore()) {
                buckets.addAll(page.buckets());
            }
            if (!page.hasMore()) {
                buckets.addAll(page.buckets());
                return new Page(sum, currency, false, null, buckets);
            }
            if (page.nextPage().equals(cursor)) {
                throw FetchException.badResponse(name + " page " + n + ": next_page repeats the page just read");
            }
            cursor = page.nextPage();
        }
    }

    /** The page's cursor fields; {@code has_more} without {@code next_page} is a bad response. */
    static Page page(JsonNode root, String where, BigDecimal sum, String currency, List<Bucket> buckets)
            throws FetchException {
        boolean hasMore = Boolean.TRUE.equals(Json.optionalBoolean(root, "has_more", where));
        String next = Json.optionalText(root, "next_page");
        if (hasMore && (next == null || next.isBlank())) {
            throw FetchException.badResponse(where + ": has_more is true but next_page is missing");
        }
        return new Page(sum, currency, hasMore, next, buckets);
    }

    /** The one currency seen so far; a second one is a bad response, because currencies are never added. */
    static String sameCurrency(String name, String seen, String next) throws FetchException {
        if (seen != null && next != null && !seen.equals(next)) {
            throw FetchException.badResponse(name + " mix " + seen + " and " + next
                    + "; Tally never adds different currencies");
        }
        return seen != null ? seen : next;
    }
}
