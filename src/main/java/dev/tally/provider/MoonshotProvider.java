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
 * Moonshot / Kimi: {@code GET /v1/users/me/balance} with the ordinary API key, on the host of the
 * account's region. The answer states no currency: {@code api.moonshot.ai} bills in USD and
 * {@code api.moonshot.cn} in CNY, so the currency comes from the region and is marked assumed.
 * Errors can arrive inside HTTP 200 ({@code code != 0} or {@code status:false}); {@code code:0} with a well-formed
 * {@code data} and no {@code status}/{@code scode} is a success (Moonshot sends that shape too); keys only work on the
 * host they were made for, so a 401 may just mean the wrong region. {@code cash_balance} may be negative
 * (arrears) and is reported as is; the account is available only while {@code available_balance > 0}.
 * Stateless and thread-safe; {@link #fetch} blocks for one HTTP request.
 * Docs: https://platform.moonshot.ai/docs/api/balance , https://platform.moonshot.cn/docs/api/balance
 */
public final class MoonshotProvider implements BalanceProvider {
    static final ProviderInfo INFO = new ProviderInfo(ProviderId.of("moonshot"), "Moonshot", List.of("kimi"),
            Set.of(Capability.BALANCE),
            List.of(new KeySlot(KeySlot.API, "MOONSHOT_API_KEY",
                    "Moonshot / Kimi API key (platform.moonshot.ai or platform.moonshot.cn → API keys; "
                            + "a key works only on the platform it was created on)")),
            List.of(new Region(Region.GLOBAL, URI.create("https://api.moonshot.ai"), "USD", true),
                    new Region(Region.CHINA, URI.create("https://api.moonshot.cn"), "CNY", true)),
            List.of(), "https://platform.moonshot.ai/docs/api/balance", null);

    @Override
    public ProviderInfo info() {
        return INFO;
    }

    @Override
    public BalanceSnapshot fetch(FetchContext ctx) throws FetchException {
        JsonNode root;
        try {
            root = ctx.getJson("/v1/users/me/balance", FetchContext.bearer(ctx.key(KeySlot.API)));
        } catch (FetchException e) {
            if (e.error() instanceof FetchError.AuthFailed auth) {
                throw new FetchException(new FetchError.AuthFailed(FetchPhrase.MOONSHOT_REGION.text(auth.text(), ctx.region().id()),
                        new Remedy.CheckRegion()));
            }
            throw e;
        }
        return parse(root, ctx);
    }

    static BalanceSnapshot parse(JsonNode root, FetchContext ctx) throws FetchException {
        String where = "Moonshot balance";
        Redactor r = ctx.redactor();
        Json.rootObject(root, where);
        JsonNode code = root.get("code");
        JsonNode status = root.get("status");
        // {"code":0,"data":{…}} without status/scode is also sent: code 0 is success unless status says otherwise
        boolean ok = code != null && code.isIntegralNumber() && code.longValue() == 0
                && (status == null || status.isNull() || status.isBoolean() && status.booleanValue());
        if (!ok) {
            String said = r.clean(firstText(root.path("error").path("message"), root.path("message"),
                    root.path("msg")));
            throw FetchException.badResponse(FetchPhrase.withSaid(FetchPhrase.REPORTED_ERROR_BALANCE_CODES.text(where, "Moonshot",
                    "code " + r.describe(code) + ", scode " + r.describe(root.get("scode")) + ", status " + r.describe(status)), said));
        }
        JsonNode data = Json.object(root, "data", where);
        String at = where + " data";
        BigDecimal total = Json.money(data, "available_balance", at, r);
        BigDecimal voucher = Json.optionalMoney(data, "voucher_balance", at, r);
        BigDecimal cash = Json.optionalMoney(data, "cash_balance", at, r);
        Region region = ctx.region();
        CurrencyBalance balance = new CurrencyBalance(region.currency(), total, voucher, cash, region.currencyAssumed());
        // documented: "when available_balance <= 0, inference calls are refused"
        Boolean available = total.signum() > 0;
        return new BalanceSnapshot(ctx.info().id(), ctx.clock().instant(), available, List.of(balance), null, null);
    }

    private static String firstText(JsonNode... candidates) {
        for (JsonNode n : candidates) {
            if (n.isTextual() && !n.asText().isBlank()) {
                return n.asText();
            }
        }
        return "";
    }
}
