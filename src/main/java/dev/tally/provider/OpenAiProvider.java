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
import java.time.Instant;
import java.util.ArrayList;
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
            List.of(Region.single("https://api.openai.com")), List.of(),
            "https://platform.openai.com/docs/api-reference/usage/costs", null);

    /** Buckets per page: a whole month of daily buckets (the docs allow 1–180). */
    static final int BUCKETS_PER_PAGE = CostReport.BUCKETS_PER_PAGE;
    static final int MAX_PAGES = CostReport.MAX_PAGES;

    @Override
    public ProviderInfo info() {
        return INFO;
    }

    @Override
    public BalanceSnapshot fetch(FetchContext ctx) throws FetchException {
        Map<String, String> headers = FetchContext.bearer(ctx.key(KeySlot.ADMIN));
        Instant now = ctx.clock().instant();
        Instant monthStart = CostReport.monthStart(now);
        Instant since = ctx.target().spendSince();
        Instant start = CostReport.queryStart(monthStart, since, now);
        String query = "/v1/organization/costs?start_time=" + start.getEpochSecond()
                + "&bucket_width=1d&limit=" + BUCKETS_PER_PAGE;
        CostReport.Page total = CostReport.readAll(ctx, "OpenAI costs", query, headers, OpenAiProvider::parse,
                OpenAiProvider::explain);
        String currency = total.currency() == null ? "USD" : total.currency();
        SpendReport report = CostReport.report(total, monthStart, since, now, "OpenAI costs",
                sum -> new Money(sum.setScale(Math.max(2, sum.scale())), currency));
        return new BalanceSnapshot(ctx.info().id(), now, null, List.of(), report, null);
    }

    static CostReport.Page parse(JsonNode root, String where, Redactor r) throws FetchException {
        Json.rootObject(root, where);
        JsonNode buckets = Json.array(root, "data", where);
        BigDecimal sum = BigDecimal.ZERO;
        String currency = null;
        List<CostReport.Bucket> sums = new ArrayList<>();
        for (int i = 0; i < buckets.size(); i++) {
            JsonNode bucket = buckets.get(i);
            String at = where + " data[" + i + "]";
            if (!bucket.isObject()) {
                throw FetchException.badResponse(FetchPhrase.IS_NOT_OBJECT.text(at));
            }
            JsonNode start = bucket.get("start_time");
            BigDecimal before = sum;
            JsonNode results = Json.array(bucket, "results", at);
            for (int j = 0; j < results.size(); j++) {
                JsonNode result = results.get(j);
                String rat = at + " results[" + j + "]";
                if (!result.isObject()) {
                    throw FetchException.badResponse(FetchPhrase.IS_NOT_OBJECT.text(rat));
                }
                JsonNode amount = Json.object(result, "amount", rat);
                sum = sum.add(Json.money(amount, "value", rat + " amount", r));
                String code = Json.optionalText(amount, "currency");
                if (code == null || !Currencies.isIso(code)) {
                    throw FetchException.badResponse(code == null ? FetchPhrase.CURRENCY_MISSING.text(rat + " amount")
                            : FetchPhrase.CURRENCY_NOT_ISO.text(rat + " amount", r.quote(code)));
                }
                currency = CostReport.sameCurrency(where, currency, Currencies.requireIso(code));
            }
            sums.add(new CostReport.Bucket(start != null && start.canConvertToLong()
                    ? Instant.ofEpochSecond(start.asLong()) : null, sum.subtract(before)));
        }
        return CostReport.page(root, where, sum, currency, sums);
    }

    /** Adds which key is needed to the generic HTTP message. */
    private static FetchException explain(FetchException e) {
        return switch (e.error()) {
            case FetchError.AuthFailed a -> new FetchException(new FetchError.AuthFailed(FetchPhrase.WITH_HINT.text(a.text(), FetchPhrase.HINT_OPENAI_ADMIN.text())));
            case FetchError.Forbidden f -> new FetchException(new FetchError.Forbidden(FetchPhrase.WITH_HINT.text(f.text(), FetchPhrase.HINT_OPENAI_ADMIN_PROJECT.text())));
            default -> e;
        };
    }
}
