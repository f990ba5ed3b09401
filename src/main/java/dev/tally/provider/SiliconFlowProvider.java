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
 * SiliconFlow: {@code GET /v1/user/info} with the ordinary API key, on the host of the account's region
 * ({@code api.siliconflow.cn} bills in CNY, {@code api.siliconflow.com} in USD; the answer states no
 * currency, so it is marked assumed). Errors can arrive inside HTTP 200 ({@code code != 20000} or
 * {@code status:false}). The docs describe no field meanings; their example has
 * {@code totalBalance = balance + chargeBalance}, read here as total, granted (gift) part and paid
 * (topped-up) part. A 404/410 means the endpoint is unavailable, not that the key is bad.
 * Stateless and thread-safe; {@link #fetch} blocks for one HTTP request.
 * Docs: https://docs.siliconflow.cn/cn/api-reference/userinfo/get-user-info ,
 * https://docs.siliconflow.com/en/api-reference/userinfo/get-user-info
 */
public final class SiliconFlowProvider implements BalanceProvider {
    static final ProviderInfo INFO = new ProviderInfo(ProviderId.of("siliconflow"), "SiliconFlow", List.of(),
            Set.of(Capability.BALANCE),
            List.of(new KeySlot(KeySlot.API, "SILICONFLOW_API_KEY",
                    "SiliconFlow API key (cloud.siliconflow.cn or cloud.siliconflow.com → API keys)")),
            List.of(new Region(Region.CHINA, URI.create("https://api.siliconflow.cn"), "CNY", true),
                    new Region(Region.GLOBAL, URI.create("https://api.siliconflow.com"), "USD", true)),
            List.of(), "https://docs.siliconflow.cn/cn/api-reference/userinfo/get-user-info", null);

    private static final int OK_CODE = 20000;

    @Override
    public ProviderInfo info() {
        return INFO;
    }

    @Override
    public BalanceSnapshot fetch(FetchContext ctx) throws FetchException {
        JsonNode root = ctx.getJson("/v1/user/info", FetchContext.bearer(ctx.key(KeySlot.API)));
        return parse(root, ctx);
    }

    static BalanceSnapshot parse(JsonNode root, FetchContext ctx) throws FetchException {
        String where = "SiliconFlow user info";
        Redactor r = ctx.redactor();
        Json.rootObject(root, where);
        JsonNode code = root.get("code");
        Boolean status = Json.optionalBoolean(root, "status", where);
        boolean ok = code != null && code.isIntegralNumber() && code.longValue() == OK_CODE
                && !Boolean.FALSE.equals(status);
        if (!ok) {
            String said = r.clean(Json.optionalText(root, "message"));
            throw FetchException.badResponse(where + ": SiliconFlow reported an error instead of a balance (code "
                    + r.describe(code) + (status == null ? "" : ", status " + status) + ")"
                    + (said.isEmpty() ? "" : ": " + said));
        }
        JsonNode data = Json.object(root, "data", where);
        String at = where + " data";
        BigDecimal total = Json.money(data, "totalBalance", at, r);
        BigDecimal granted = Json.optionalMoney(data, "balance", at, r);
        BigDecimal paid = Json.optionalMoney(data, "chargeBalance", at, r);
        Region region = ctx.region();
        CurrencyBalance balance = new CurrencyBalance(region.currency(), total, granted, paid, region.currencyAssumed());
        return new BalanceSnapshot(ctx.info().id(), ctx.clock().instant(), null, List.of(balance), null, null);
    }
}
