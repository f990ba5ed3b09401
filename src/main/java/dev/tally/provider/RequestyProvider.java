package dev.tally.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.Capability;
import dev.tally.core.FetchError;
import dev.tally.core.FetchException;
import dev.tally.core.KeyLimit;
import dev.tally.core.ProviderId;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * Requesty: {@code GET /v1/manage/apikey/self} with the ordinary API key, which may always read itself. The answer is
 * that key's own month: {@code monthly_spend} and {@code monthly_limit} (decimals, sent as numbers or strings), where a
 * limit of {@code 0} means "no limit" — never "nothing left". So a limited key is a {@link KeyLimit} whose remaining
 * amount is limit − spend (negative when over), resetting monthly; an unlimited key is a {@link KeyLimit} without a cap
 * and the month's spend as its usage. It is not an account balance: Requesty has no documented balance endpoint.
 * The answer states no currency; Requesty bills in USD. Stateless and thread-safe; {@link #fetch} blocks for one HTTP
 * request. Docs: https://docs.requesty.ai/api-reference/endpoint/manage-apikey/manage-api-key-get
 */
public final class RequestyProvider implements BalanceProvider {
    static final String PATH = "/v1/manage/apikey/self";

    static final ProviderInfo INFO = new ProviderInfo(ProviderId.of("requesty"), "Requesty", List.of(),
            Set.of(Capability.KEY_LIMIT),
            List.of(new KeySlot(KeySlot.API, "REQUESTY_API_KEY",
                    "Requesty API key (app.requesty.ai → API Keys); Tally reads that key's own monthly spend and limit")),
            List.of(new Region(Region.DEFAULT, URI.create("https://api-v2.requesty.ai"), "USD", true)), List.of(),
            "https://docs.requesty.ai/api-reference/endpoint/manage-apikey/manage-api-key-get", null);

    @Override
    public ProviderInfo info() {
        return INFO;
    }

    @Override
    public BalanceSnapshot fetch(FetchContext ctx) throws FetchException {
        JsonNode root;
        try {
            root = ctx.getJson(PATH, FetchContext.bearer(ctx.key(KeySlot.API)));
        } catch (FetchException e) {
            throw explain(e);
        }
        return parse(root, ctx);
    }

    static BalanceSnapshot parse(JsonNode root, FetchContext ctx) throws FetchException {
        String where = "Requesty key";
        Redactor r = ctx.redactor();
        Json.rootObject(root, where);
        JsonNode error = root.get("error");
        if (error != null && !error.isNull() && !root.has("monthly_spend")) {
            String said = r.clean(error.isTextual() ? error.asText() : Json.optionalText(error, "message"));
            throw FetchException.badResponse(FetchPhrase.withSaid(FetchPhrase.ERROR_INSTEAD_OF_SPEND.text(where, "Requesty"), said));
        }
        BigDecimal spend = Json.money(root, "monthly_spend", where, r);
        BigDecimal limit = Json.money(root, "monthly_limit", where, r);
        if (limit.signum() < 0) {
            throw FetchException.badResponse(where + ": field 'monthly_limit' is negative (" + limit.toPlainString()
                    + "); only 0 (no limit) or a positive cap is documented");
        }
        // the answer states no currency; Requesty's docs give spend and limits in USD
        boolean assumed = ctx.region().currencyAssumed();
        KeyLimit key = limit.signum() == 0
                ? new KeyLimit("USD", null, null, spend, "monthly", assumed)
                : new KeyLimit("USD", limit, limit.subtract(spend), spend, "monthly", assumed);
        return new BalanceSnapshot(ctx.info().id(), ctx.clock().instant(), null, List.of(), null, key);
    }

    /** Adds what usually causes the status to the generic HTTP message. */
    private static FetchException explain(FetchException e) {
        return switch (e.error()) {
            case FetchError.Forbidden f -> new FetchException(f.withText(FetchPhrase.WITH_HINT.text(f.text(), FetchPhrase.HINT_REQUESTY_DISABLED.text())));
            case FetchError.ProviderError p when p.httpStatus() == 404 -> new FetchException(p.withText(FetchPhrase.WITH_HINT.text(p.text(), FetchPhrase.HINT_REQUESTY_ENDPOINT.text())));
            default -> e;
        };
    }
}
