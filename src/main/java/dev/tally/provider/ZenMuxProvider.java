package dev.tally.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.Capability;
import dev.tally.core.CurrencyBalance;
import dev.tally.core.Currencies;
import dev.tally.core.FetchError;
import dev.tally.core.FetchException;
import dev.tally.core.ProviderId;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * ZenMux: {@code GET /api/v1/management/payg/balance} with a management key (an ordinary API key is refused).
 * The pay-as-you-go balance {@code data.total_credits} with its top-up (paid) and bonus (granted) parts, JSON numbers
 * in {@code data.currency} (documented as always {@code "usd"}, sent lower-case; stated, so not assumed).
 * {@code success:false} on HTTP 200 is an error; rate limiting answers HTTP 422, which is read as rate limited.
 * Stateless and thread-safe; {@link #fetch} blocks for one HTTP request.
 * Docs: https://docs.zenmux.ai/api/platform/payg-balance.html
 */
public final class ZenMuxProvider implements BalanceProvider {
    static final ProviderInfo INFO = new ProviderInfo(ProviderId.of("zenmux"), "ZenMux", List.of(),
            Set.of(Capability.BALANCE),
            List.of(new KeySlot(KeySlot.MANAGEMENT, "ZENMUX_MANAGEMENT_KEY",
                    "ZenMux management API key (zenmux.ai/platform/management; an ordinary API key is refused,"
                            + " and a management key can manage the account, so keep it in the keychain)")),
            List.of(Region.stating("https://zenmux.ai", "USD")), List.of(),
            "https://docs.zenmux.ai/api/platform/payg-balance.html", null);

    /** ZenMux's documented answer to too many requests. */
    static final int RATE_LIMITED = 422;

    @Override
    public ProviderInfo info() {
        return INFO;
    }

    @Override
    public BalanceSnapshot fetch(FetchContext ctx) throws FetchException {
        JsonNode root;
        try {
            root = ctx.getJson("/api/v1/management/payg/balance", FetchContext.bearer(ctx.key(KeySlot.MANAGEMENT)));
        } catch (FetchException e) {
            throw explain(e);
        }
        return parse(root, ctx);
    }

    private static FetchException explain(FetchException e) {
        return switch (e.error()) {
            case FetchError.ProviderError p when p.httpStatus() == RATE_LIMITED -> new FetchException(
                    new FetchError.RateLimited(FetchPhrase.HTTP_REFUSED.key().equals(p.text().key())
                            ? FetchPhrase.HTTP_RATE_LIMITED_REQUEST.text(p.text().args().toArray()) : p.text(), null));
            case FetchError.Forbidden f -> new FetchException(f.withText(FetchPhrase.WITH_HINT.text(f.text(), FetchPhrase.HINT_ZENMUX_MANAGEMENT.text())));
            default -> e;
        };
    }

    static BalanceSnapshot parse(JsonNode root, FetchContext ctx) throws FetchException {
        String where = "ZenMux PAYG balance";
        Redactor r = ctx.redactor();
        Json.rootObject(root, where);
        Boolean success = Json.optionalBoolean(root, "success", where);
        if (!Boolean.TRUE.equals(success)) {
            String said = r.clean(firstText(root.path("error").path("message"), root.path("message"),
                    root.path("error")));
            throw FetchException.badResponse(FetchPhrase.withSaid(FetchPhrase.REPORTED_ERROR_BALANCE_CODES.text(where, "ZenMux", "success " + r.describe(root.get("success"))), said));
        }
        JsonNode data = Json.object(root, "data", where);
        String at = where + " data";
        String code = Json.optionalText(data, "currency");
        if (code == null || !Currencies.isIso(code)) {
            throw FetchException.badResponse(code == null ? FetchPhrase.CURRENCY_MISSING.text(at)
                    : FetchPhrase.CURRENCY_NOT_ISO.text(at, r.quote(code)));
        }
        BigDecimal total = Json.money(data, "total_credits", at, r);
        BigDecimal paid = Json.optionalMoney(data, "top_up_credits", at, r);
        BigDecimal granted = Json.optionalMoney(data, "bonus_credits", at, r);
        return new BalanceSnapshot(ctx.info().id(), ctx.clock().instant(), null,
                List.of(new CurrencyBalance(Currencies.requireIso(code), total, granted, paid, false)), null, null);
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
