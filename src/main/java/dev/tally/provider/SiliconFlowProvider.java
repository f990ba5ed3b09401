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
 * SiliconFlow: {@code GET /v1/user/info} with the ordinary API key, on the host of the account's region
 * ({@code api.siliconflow.com}, the default, bills in USD; {@code api.siliconflow.cn} in CNY; the answer states no
 * currency, so it is marked assumed). SiliconFlow retired the China site's endpoint on {@value #CHINA_RETIRED}
 * (it answers 410 Gone): a China account that gets 404/410 is told so, and that the console shows the balance, as
 * {@code unsupported} (not a rejected key, not a provider outage), and its polls pause until its settings change. A
 * China account still reads a balance if the host answers one, and works on the international host once switched to
 * {@code global}. A 401 names the China site, whose keys the international host does not take.
 * Errors can arrive inside HTTP 200 ({@code code != 20000} or {@code status:false}). The docs describe no field
 * meanings; their example has {@code totalBalance = balance + chargeBalance}, read here as total, granted (gift) part
 * and paid (topped-up) part. Vouchers were never part of this API. Elsewhere a 404/410 means the endpoint is
 * unavailable, not that the key is bad.
 * Stateless and thread-safe; {@link #fetch} blocks for one HTTP request.
 * Docs: https://docs.siliconflow.com/en/api-reference/userinfo/get-user-info ,
 * https://docs.siliconflow.cn/cn/api-reference/userinfo/get-user-info
 */
public final class SiliconFlowProvider implements BalanceProvider {
    static final ProviderInfo INFO = new ProviderInfo(ProviderId.of("siliconflow"), "SiliconFlow", List.of(),
            Set.of(Capability.BALANCE),
            List.of(new KeySlot(KeySlot.API, "SILICONFLOW_API_KEY",
                    "SiliconFlow API key (cloud.siliconflow.com → API keys; keys of the China site cloud.siliconflow.cn"
                            + " work only on its own host)")),
            List.of(new Region(Region.GLOBAL, URI.create("https://api.siliconflow.com"), "USD", true),
                    new Region(Region.CHINA, URI.create("https://api.siliconflow.cn"), "CNY", true)),
            List.of(), "https://docs.siliconflow.com/en/api-reference/userinfo/get-user-info", null);

    /** When SiliconFlow retired the China site's balance endpoint (it answers 410 since). */
    static final String CHINA_RETIRED = "2026-08-14";

    private static final int OK_CODE = 20000;

    @Override
    public ProviderInfo info() {
        return INFO;
    }

    @Override
    public BalanceSnapshot fetch(FetchContext ctx) throws FetchException {
        JsonNode root;
        try {
            root = ctx.getJson("/v1/user/info", FetchContext.bearer(ctx.key(KeySlot.API)));
        } catch (FetchException e) {
            throw explain(e, ctx.region());
        }
        return parse(root, ctx);
    }

    /** The China site's retired endpoint as what it is; a rejected key with the site it may belong to. */
    static FetchException explain(FetchException e, Region region) {
        boolean china = Region.CHINA.equals(region.id());
        return switch (e.error()) {
            case FetchError.ProviderError p when china && (p.httpStatus() == 404 || p.httpStatus() == 410) ->
                    new FetchException(new FetchError.Unsupported(FetchPhrase.SILICONFLOW_CHINA_RETIRED.text(CHINA_RETIRED, p.httpStatus())));
            case FetchError.AuthFailed a when !china -> new FetchException(new FetchError.AuthFailed(FetchPhrase.WITH_HINT.text(a.text(), FetchPhrase.HINT_SILICONFLOW_INTERNATIONAL.text()), new Remedy.CheckRegion()));
            default -> e;
        };
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
            throw FetchException.badResponse(FetchPhrase.withSaid(FetchPhrase.REPORTED_ERROR_BALANCE_CODES.text(where, "SiliconFlow",
                    "code " + r.describe(code) + (status == null ? "" : ", status " + status)), said));
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
