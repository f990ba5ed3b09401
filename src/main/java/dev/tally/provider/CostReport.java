package dev.tally.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.core.FetchException;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
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

    /** One page: the sum of its results ({@code currency} null when it has none) and where the next page is. */
    record Page(BigDecimal sum, String currency, boolean hasMore, String nextPage) {
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
            if (!page.hasMore()) {
                return new Page(sum, currency, false, null);
            }
            if (page.nextPage().equals(cursor)) {
                throw FetchException.badResponse(name + " page " + n + ": next_page repeats the page just read");
            }
            cursor = page.nextPage();
        }
    }

    /** The page's cursor fields; {@code has_more} without {@code next_page} is a bad response. */
    static Page page(JsonNode root, String where, BigDecimal sum, String currency) throws FetchException {
        boolean hasMore = Boolean.TRUE.equals(Json.optionalBoolean(root, "has_more", where));
        String next = Json.optionalText(root, "next_page");
        if (hasMore && (next == null || next.isBlank())) {
            throw FetchException.badResponse(where + ": has_more is true but next_page is missing");
        }
        return new Page(sum, currency, hasMore, next);
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
