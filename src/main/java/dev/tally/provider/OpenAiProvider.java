package dev.tally.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.Capability;
import dev.tally.core.Currencies;
import dev.tally.core.FetchError;
import dev.tally.core.FetchException;
import dev.tally.core.Money;
import dev.tally.core.ProviderId;
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
 * OpenAI: month-to-date spend (OpenAI has no balance API) from {@code GET /v1/organization/costs} with an
 * organization Admin key. Daily buckets from the first instant of the current UTC month, every page
 * followed ({@code has_more} / {@code next_page}); every result's {@code amount.value} (a JSON number in
 * dollars) is summed exactly. A month without results is a real 0.00 USD. Docs:
 * https://platform.openai.com/docs/api-reference/usage/costs
 */
public final class OpenAiProvider implements BalanceProvider {
    static final ProviderInfo INFO = new ProviderInfo(ProviderId.of("openai"), "OpenAI", List.of(),
            Set.of(Capability.SPEND),
            List.of(new KeySlot(KeySlot.ADMIN, "OPENAI_ADMIN_KEY",
                    "OpenAI Admin API key (sk-admin-…, created by an Organization Owner: platform settings →"
                            + " Organization → Admin keys; project keys cannot read costs)")),
            List.of(Region.single("https://api.openai.com")), null,
            "https://platform.openai.com/docs/api-reference/usage/costs", null);

    /** Buckets per page: a whole month of daily buckets (the docs allow 1–180). */
    static final int BUCKETS_PER_PAGE = 31;
    /** More pages than this means the cursor is not moving forward; stop rather than loop. */
    static final int MAX_PAGES = 20;

    /** What one page adds up to: {@code currency} is {@code null} when the page has no results. */
    record Page(BigDecimal sum, String currency, boolean hasMore, String nextPage) {
    }

    @Override
    public ProviderInfo info() {
        return INFO;
    }

    @Override
    public BalanceSnapshot fetch(FetchContext ctx) throws FetchException {
        Map<String, String> headers = FetchContext.bearer(ctx.key(KeySlot.ADMIN));
        Instant now = ctx.clock().instant();
        Instant monthStart = LocalDate.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1)
                .atStartOfDay(ZoneOffset.UTC).toInstant();
        String query = "/v1/organization/costs?start_time=" + monthStart.getEpochSecond()
                + "&bucket_width=1d&limit=" + BUCKETS_PER_PAGE;
        BigDecimal sum = new BigDecimal("0.00");
        String currency = null;
        String cursor = null;
        for (int n = 1; ; n++) {
            if (n > MAX_PAGES) {
                throw FetchException.badResponse("OpenAI costs: still more pages after " + MAX_PAGES
                        + "; stopped so a runaway cursor cannot loop forever");
            }
            JsonNode root;
            try {
                root = ctx.getJson(cursor == null ? query
                        : query + "&page=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8), headers);
            } catch (FetchException e) {
                throw explain(e);
            }
            Page page = parse(root, "OpenAI costs page " + n);
            sum = sum.add(page.sum());
            currency = sameCurrency(currency, page.currency());
            if (!page.hasMore()) {
                break;
            }
            if (page.nextPage().equals(cursor)) {
                throw FetchException.badResponse("OpenAI costs page " + n + ": next_page repeats the page just read");
            }
            cursor = page.nextPage();
        }
        Money spent = new Money(sum, currency == null ? "USD" : currency);
        return new BalanceSnapshot(ctx.info().id(), now, null, List.of(),
                new SpendReport(spent, SpendReport.MONTH_TO_DATE, monthStart, now), null);
    }

    static Page parse(JsonNode root, String where) throws FetchException {
        Json.rootObject(root, where);
        JsonNode buckets = Json.array(root, "data", where);
        BigDecimal sum = BigDecimal.ZERO;
        String currency = null;
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
                JsonNode amount = Json.object(result, "amount", rat);
                sum = sum.add(Json.money(amount, "value", rat + " amount"));
                String code = Json.optionalText(amount, "currency");
                if (code == null || !Currencies.isIso(code)) {
                    throw FetchException.badResponse(rat + " amount: currency "
                            + (code == null ? "is missing" : "'" + code + "' is not an ISO code"));
                }
                currency = sameCurrency(currency, Currencies.requireIso(code));
            }
        }
        boolean hasMore = Boolean.TRUE.equals(Json.optionalBoolean(root, "has_more", where));
        String next = Json.optionalText(root, "next_page");
        if (hasMore && (next == null || next.isBlank())) {
            throw FetchException.badResponse(where + ": has_more is true but next_page is missing");
        }
        return new Page(sum, currency, hasMore, next);
    }

    private static String sameCurrency(String seen, String next) throws FetchException {
        if (seen != null && next != null && !seen.equals(next)) {
            throw FetchException.badResponse("OpenAI costs mix " + seen + " and " + next
                    + "; Tally never adds different currencies");
        }
        return seen != null ? seen : next;
    }

    /** Adds which key is needed to the generic HTTP message. */
    private static FetchException explain(FetchException e) {
        return switch (e.error()) {
            case FetchError.AuthFailed a -> new FetchException(new FetchError.AuthFailed(a.message()
                    + "; OpenAI costs need an organization Admin key (sk-admin-…)"));
            case FetchError.Forbidden f -> new FetchException(new FetchError.Forbidden(f.message()
                    + "; OpenAI costs need an organization Admin key (sk-admin-…), project keys cannot read them"));
            default -> e;
        };
    }
}
