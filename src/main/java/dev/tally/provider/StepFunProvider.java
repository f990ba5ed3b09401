package dev.tally.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.Capability;
import dev.tally.core.CurrencyBalance;
import dev.tally.core.FetchError;
import dev.tally.core.FetchException;
import dev.tally.core.Remedy;
import dev.tally.core.ProviderId;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * StepFun: {@code GET /v1/accounts} with the ordinary API key, on the China platform
 * ({@code api.stepfun.com}, the default) or the international one ({@code api.stepfun.ai}).
 * The response states no currency, so it comes from the region (CNY / USD) and is marked assumed.
 * {@code total_cash_balance} and {@code total_voucher_balance} are lifetime totals (recharged, granted),
 * not parts of what is left, so only {@code balance} is reported.
 * Docs: https://platform.stepfun.com/docs/zh/api-reference/accounts/get ,
 * https://platform.stepfun.ai/docs/en/api-reference/accounts/get
 */
public final class StepFunProvider implements BalanceProvider {
    static final ProviderInfo INFO = new ProviderInfo(ProviderId.of("stepfun"), "StepFun", List.of(),
            Set.of(Capability.BALANCE),
            List.of(new KeySlot(KeySlot.API, "STEPFUN_API_KEY",
                    "StepFun API key (platform.stepfun.com or platform.stepfun.ai → API keys)")),
            List.of(new Region(Region.CHINA, URI.create("https://api.stepfun.com"), "CNY", true),
                    new Region(Region.GLOBAL, URI.create("https://api.stepfun.ai"), "USD", true)),
            List.of(), "https://platform.stepfun.com/docs/zh/api-reference/accounts/get", null);

    @Override
    public ProviderInfo info() {
        return INFO;
    }

    @Override
    public BalanceSnapshot fetch(FetchContext ctx) throws FetchException {
        Region region = ctx.region();
        JsonNode root;
        try {
            root = ctx.getJson("/v1/accounts", FetchContext.bearer(ctx.key(KeySlot.API)));
        } catch (FetchException e) {
            if (e.error() instanceof FetchError.AuthFailed a) {
                throw new FetchException(new FetchError.AuthFailed(FetchPhrase.WITH_HINT.text(a.text(), FetchPhrase.HINT_STEPFUN_REGION.text()), new Remedy.CheckRegion()));
            }
            throw e;
        }
        return parse(root, region, ctx);
    }

    static BalanceSnapshot parse(JsonNode root, Region region, FetchContext ctx) throws FetchException {
        String where = "StepFun account";
        Redactor r = ctx.redactor();
        Json.rootObject(root, where);
        String object = Json.optionalText(root, "object");
        if (object != null && !object.equals("account")) {
            throw FetchException.badResponse(where + ": expected object 'account', got " + r.quote(object));
        }
        BigDecimal balance = Json.money(root, "balance", where, r);
        return new BalanceSnapshot(ctx.info().id(), ctx.clock().instant(), null,
                List.of(new CurrencyBalance(region.currency(), balance, null, null, region.currencyAssumed())),
                null, null);
    }
}
