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
import java.util.ArrayList;
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
            List.of(Region.single("https://api.anthropic.com")), List.of(),
            "https://platform.claude.com/docs/en/api/admin/cost_report", null);

    static final String API_VERSION = "2023-06-01";
    /** Buckets per page: the documented maximum for daily buckets, a whole month. */
    static final int BUCKETS_PER_PAGE = CostReport.BUCKETS_PER_PAGE;
    static final int MAX_PAGES = CostReport.MAX_PAGES;

    @Override
    public ProviderInfo info() {
        return INFO;
    }

    @Override
    public BalanceSnapshot fetch(FetchContext ctx) throws FetchException {
        Secret key = ctx.key(KeySlot.ADMIN);
        Map<String, String> headers = Map.of("x-api-key", key.reveal(), "anthropic-version", API_VERSION);
        Instant now = ctx.clock().instant();
        Instant monthStart = CostReport.monthStart(now);
        Instant since = ctx.target().spendSince();
        Instant start = CostReport.queryStart(monthStart, since, now);
        String query = "/v1/organizations/cost_report?starting_at=" + encode(start.toString())
                + "&bucket_width=1d&limit=" + BUCKETS_PER_PAGE;
        CostReport.Page cents = CostReport.readAll(ctx, "Anthropic cost report", query, headers,
                AnthropicProvider::parse, AnthropicProvider::explain);
        SpendReport report = CostReport.report(cents, monthStart, since, now, "Anthropic cost report",
                sum -> new Money(sum.movePointLeft(2), "USD"));
        return new BalanceSnapshot(ctx.info().id(), now, null, List.of(), report, null);
    }

    /** One page, summed in USD cents. */
    static CostReport.Page parse(JsonNode root, String where, Redactor r) throws FetchException {
        Json.rootObject(root, where);
        JsonNode buckets = Json.array(root, "data", where);
        BigDecimal cents = BigDecimal.ZERO;
        List<CostReport.Bucket> sums = new ArrayList<>();
        for (int i = 0; i < buckets.size(); i++) {
            JsonNode bucket = buckets.get(i);
            String at = where + " data[" + i + "]";
            if (!bucket.isObject()) {
                throw FetchException.badResponse(FetchPhrase.IS_NOT_OBJECT.text(at));
            }
            Instant start = startOf(bucket);
            BigDecimal before = cents;
            JsonNode results = Json.array(bucket, "results", at);
            for (int j = 0; j < results.size(); j++) {
                JsonNode result = results.get(j);
                String rat = at + " results[" + j + "]";
                if (!result.isObject()) {
                    throw FetchException.badResponse(FetchPhrase.IS_NOT_OBJECT.text(rat));
                }
                cents = cents.add(Json.money(result, "amount", rat, r));
                String code = Json.optionalText(result, "currency");
                if (code != null && !code.strip().equalsIgnoreCase("USD")) {
                    throw FetchException.badResponse(rat + ": currency " + r.quote(code)
                            + " — the cost report is documented in USD cents only");
                }
            }
            sums.add(new CostReport.Bucket(start, cents.subtract(before)));
        }
        return CostReport.page(root, where, cents, "USD", sums);
    }

    /** The bucket's {@code starting_at}, or {@code null} when it is missing or not a time. */
    private static Instant startOf(JsonNode bucket) {
        String s = Json.optionalText(bucket, "starting_at");
        try {
            return s == null ? null : java.time.OffsetDateTime.parse(s).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Adds which key is needed to the generic HTTP message. */
    private static FetchException explain(FetchException e) {
        return switch (e.error()) {
            case FetchError.AuthFailed a -> new FetchException(new FetchError.AuthFailed(FetchPhrase.WITH_HINT.text(a.text(), FetchPhrase.HINT_ANTHROPIC_ADMIN.text())));
            case FetchError.Forbidden f -> new FetchException(new FetchError.Forbidden(FetchPhrase.WITH_HINT.text(f.text(), FetchPhrase.HINT_ANTHROPIC_ADMIN_ORG.text())));
            default -> e;
        };
    }
}
