package dev.tally.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.Capability;
import dev.tally.core.CurrencyBalance;
import dev.tally.core.FetchException;
import dev.tally.core.ProviderId;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * Vercel AI Gateway: {@code GET /v1/credits} with an AI Gateway API key. The team's credits, not one key's:
 * {@code {"balance":"95.50","total_used":"4.50"}}, decimal strings in USD by the docs; the answer states no
 * currency, so USD is marked assumed. {@code total_used} is checked when sent but not shown (it is usage over the
 * team's lifetime, not a month's spend). An {@code error} object instead of the fields is a bad response.
 * Stateless and thread-safe; {@link #fetch} blocks for one HTTP request.
 * Docs: https://vercel.com/docs/ai-gateway/usage
 */
public final class VercelProvider implements BalanceProvider {
    static final ProviderInfo INFO = new ProviderInfo(ProviderId.of("vercel"), "Vercel AI Gateway",
            List.of(), Set.of(Capability.BALANCE),
            List.of(new KeySlot(KeySlot.API, "AI_GATEWAY_API_KEY",
                    "Vercel AI Gateway API key (vercel.com → AI Gateway → API keys); reads the team's credits")),
            List.of(new Region(Region.DEFAULT, URI.create("https://ai-gateway.vercel.sh"), "USD", true)), List.of(),
            "https://vercel.com/docs/ai-gateway/usage", null);

    @Override
    public ProviderInfo info() {
        return INFO;
    }

    @Override
    public BalanceSnapshot fetch(FetchContext ctx) throws FetchException {
        return parse(ctx.getJson("/v1/credits", FetchContext.bearer(ctx.key(KeySlot.API))), ctx);
    }

    static BalanceSnapshot parse(JsonNode root, FetchContext ctx) throws FetchException {
        String where = "Vercel AI Gateway credits";
        Redactor r = ctx.redactor();
        Json.rootObject(root, where);
        JsonNode error = root.get("error");
        if (error != null && !error.isNull() && !root.has("balance")) {
            String said = r.clean(error.isTextual() ? error.asText() : Json.optionalText(error, "message"));
            throw FetchException.badResponse(where + ": Vercel answered with an error instead of credits"
                    + (said.isEmpty() ? "" : ": " + said));
        }
        BigDecimal balance = Json.money(root, "balance", where, r);
        Json.optionalMoney(root, "total_used", where, r);
        Region region = ctx.region();
        return new BalanceSnapshot(ctx.info().id(), ctx.clock().instant(), null,
                List.of(new CurrencyBalance(region.currency(), balance, null, null, region.currencyAssumed())),
                null, null);
    }
}
