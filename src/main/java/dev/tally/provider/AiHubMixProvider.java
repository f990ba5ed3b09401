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
 * AIHubMix: {@code GET /api/user/self} with the Manage Key (a system access token, not the {@code sk-…} inference
 * key). {@code data.quota} is what is left, in quota units: USD = quota / 500000, divided exactly (500000 = 2^5·5^6,
 * so the quotient always ends). The answer states no currency; the docs define the rate in USD, so USD is marked
 * assumed. {@code data.used_quota} is checked when sent. {@code success:false} on HTTP 200 is an error.
 * Stateless and thread-safe; {@link #fetch} blocks for one HTTP request.
 * Docs: https://docs.aihubmix.com/en/api/CliEndpoints/get-self , https://docs.aihubmix.com/cn/FAQs/HTTP-Codes
 */
public final class AiHubMixProvider implements BalanceProvider {
    static final ProviderInfo INFO = new ProviderInfo(ProviderId.of("aihubmix"), "AIHubMix", List.of(),
            Set.of(Capability.BALANCE),
            List.of(new KeySlot(KeySlot.MANAGEMENT, "AIHUBMIX_MANAGE_KEY",
                    "AIHubMix Manage Key (aihubmix.com → settings → system access token; not the sk-… API key,"
                            + " and it can manage the account, so keep it in the keychain)")),
            List.of(new Region(Region.DEFAULT, URI.create("https://aihubmix.com"), "USD", true)), List.of(),
            "https://docs.aihubmix.com/en/api/CliEndpoints/get-self", null);

    /** Quota units per US dollar, as documented. */
    static final BigDecimal QUOTA_PER_USD = BigDecimal.valueOf(500_000);

    @Override
    public ProviderInfo info() {
        return INFO;
    }

    @Override
    public BalanceSnapshot fetch(FetchContext ctx) throws FetchException {
        return parse(ctx.getJson("/api/user/self", FetchContext.bearer(ctx.key(KeySlot.MANAGEMENT))), ctx);
    }

    static BalanceSnapshot parse(JsonNode root, FetchContext ctx) throws FetchException {
        String where = "AIHubMix user";
        Redactor r = ctx.redactor();
        Json.rootObject(root, where);
        Boolean success = Json.optionalBoolean(root, "success", where);
        if (!Boolean.TRUE.equals(success)) {
            String said = r.clean(Json.optionalText(root, "message"));
            throw FetchException.badResponse(FetchPhrase.withSaid(FetchPhrase.REPORTED_ERROR_BALANCE_CODES.text(where, "AIHubMix", "success " + r.describe(root.get("success"))), said));
        }
        JsonNode data = Json.object(root, "data", where);
        String at = where + " data";
        BigDecimal quota = Json.money(data, "quota", at, r);
        Json.optionalMoney(data, "used_quota", at, r);
        Region region = ctx.region();
        return new BalanceSnapshot(ctx.info().id(), ctx.clock().instant(), null,
                List.of(new CurrencyBalance(region.currency(), usd(quota), null, null, region.currencyAssumed())),
                null, null);
    }

    /** {@code quota / 500000}, exact, with at least two decimals: 29071257 → 58.142514. */
    static BigDecimal usd(BigDecimal quota) {
        BigDecimal v = quota.divide(QUOTA_PER_USD).stripTrailingZeros();
        return v.scale() < 2 ? v.setScale(2) : v;
    }
}
