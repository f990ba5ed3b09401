package dev.tally.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.Capability;
import dev.tally.core.FetchError;
import dev.tally.core.FetchException;
import dev.tally.core.Money;
import dev.tally.core.ProviderId;
import dev.tally.core.Secret;
import dev.tally.core.SpendReport;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Anthropic: month-to-date spend (Anthropic has no balance API) from
 * {@code GET /v1/organizations/cost_report} with an Admin key ({@code x-api-key}, not Bearer). Daily
 * buckets from the start of the current UTC month, every page followed ({@code has_more} /
 * {@code next_page}). {@code amount} is a decimal string in cents ({@code "123.45"} = $1.2345), summed
 * exactly; the currency is "currently always USD". Priority Tier costs are not part of this report.
 * Docs: https://platform.claude.com/docs/en/api/admin/cost_report
 */
public final class AnthropicProvider implements BalanceProvider {
    static final ProviderInfo INFO = new ProviderInfo(ProviderId.of("anthropic"), "Anthropic", List.of(),
            Set.of(Capability.SPEND),
            List.of(new KeySlot(KeySlot.ADMIN, "ANTHROPIC_ADMIN_KEY",
                    "Anthropic Admin API key (sk-ant-admin…, Console → Settings → Admin keys; organizations only,"
                            + " ordinary API keys cannot read costs)")),
            List.of(Region.single("https://api.anthropic.com")), null,
            "https://platform.claude.com/docs/en/api/admin/cost_report", null);

    static final String API_VERSION = "2023-06-01";
    /** Buckets per page: the documented maximum for daily buckets, a whole month. */
    static final int BUCKETS_PER_PAGE = 31;
    /** More pages than this means the cursor is not moving forward; stop rather than loop. */
    static final int MAX_PAGES = 20;

    /** What one page adds up to, in USD cents, and where the next page is. */
    record Page(BigDecimal cents, boolean hasMore, String nextPage) {
    }

    @Override
    public ProviderInfo info() {
        return INFO;
    }

    @Override
    public BalanceSnapshot fetch(FetchContext ctx) throws FetchException {
        Secret key = ctx.key(KeySlot.ADMIN);
        Map<String, String> headers = Map.of("x-api-key", key.reveal(), "anthropic-version", API_VERSION);
        Instant now = ctx.clock().instant();
        Instant monthStart = LocalDate.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1)
                .atStartOfDay(ZoneOffset.UTC).toInstant();
        String query = "/v1/organizations/cost_report?starting_at=" + encode(monthStart.toString())
                + "&bucket_width=1d&limit=" + BUCKETS_PER_PAGE;
        BigDecimal cents = BigDecimal.ZERO;
        String cursor = null;
        for (int n = 1; ; n++) {
            if (n > MAX_PAGES) {
                throw FetchException.badResponse("Anthropic cost report: still more pages after " + MAX_PAGES
                        + "; stopped so a runaway cursor cannot loop forever");
            }
            JsonNode root;
            try {
                root = ctx.getJson(cursor == null ? query : query + "&page=" + encode(cursor), headers);
            } catch (FetchException e) {
                throw explain(e);
            }
            Page page = parse(root, "Anthropic cost report page " + n);
            cents = cents.add(page.cents());
            if (!page.hasMore()) {
                break;
            }
            if (page.nextPage().equals(cursor)) {
                throw FetchException.badResponse("Anthropic cost report page " + n
                        + ": next_page repeats the page just read");
            }
            cursor = page.nextPage();
        }
        Money spent = new Money(cents.movePointLeft(2), "USD");
        return new BalanceSnapshot(ctx.info().id(), now, null, List.of(),
                new SpendReport(spent, SpendReport.MONTH_TO_DATE, monthStart, now), null);
    }

    static Page parse(JsonNode root, String where) throws FetchException {
        Json.rootObject(root, where);
        JsonNode buckets = Json.array(root, "data", where);
        BigDecimal cents = BigDecimal.ZERO;
        for (int i = 0; i < buckets.size(); i++) {
            JsonNode bucket = buckets.get(i);
            String at = where + " data[" + i + "]";
            if (!bucket.isObject()) {
                throw FetchException.badResponse(at + " is not an object");
            }
            JsonNode results = Json.array(bucket, "results", at);
            for (int j = 0; j < results.size(); j++) {
                JsonNode result = results.get(j);
                String rat = at + " results[" + j + "]";
                if (!result.isObject()) {
                    throw FetchException.badResponse(rat + " is not an object");
                }
                cents = cents.add(Json.money(result, "amount", rat));
                String code = Json.optionalText(result, "currency");
                if (code != null && !code.strip().equalsIgnoreCase("USD")) {
                    throw FetchException.badResponse(rat + ": currency '" + code
                            + "' — the cost report is documented in USD cents only");
                }
            }
        }
        boolean hasMore = Boolean.TRUE.equals(Json.optionalBoolean(root, "has_more", where));
        String next = Json.optionalText(root, "next_page");
        if (hasMore && (next == null || next.isBlank())) {
            throw FetchException.badResponse(where + ": has_more is true but next_page is missing");
        }
        return new Page(cents, hasMore, next);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Adds which key is needed to the generic HTTP message. */
    private static FetchException explain(FetchException e) {
        return switch (e.error()) {
            case FetchError.AuthFailed a -> new FetchException(new FetchError.AuthFailed(a.message()
                    + "; the cost report needs an Anthropic Admin key (sk-ant-admin…)"));
            case FetchError.Forbidden f -> new FetchException(new FetchError.Forbidden(f.message()
                    + "; the cost report needs an Anthropic Admin key (sk-ant-admin…) of an organization"));
            default -> e;
        };
    }
}
