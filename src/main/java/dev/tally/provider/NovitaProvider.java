package dev.tally.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.Capability;
import dev.tally.core.CurrencyBalance;
import dev.tally.core.FetchException;
import dev.tally.core.ProviderId;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Novita AI: {@code GET /openapi/v1/billing/balance/detail} with the ordinary API key (the docs also
 * require {@code Content-Type: application/json}). Amounts are integer strings (numbers accepted too) in
 * 1/10000 USD and are converted exactly ({@code "1000000"} = 100.0000 USD); they may be negative. The documented
 * {@code creditLimit} (how much the account may owe) is kept when present: {@code availableBalance} includes it.
 * Stateless and thread-safe; {@link #fetch} blocks for one HTTP request.
 * Docs: https://novita.ai/docs/api-reference/basic-get-user-balance
 */
public final class NovitaProvider implements BalanceProvider {
    static final ProviderInfo INFO = new ProviderInfo(ProviderId.of("novita"), "Novita AI", List.of(),
            Set.of(Capability.BALANCE),
            List.of(new KeySlot(KeySlot.API, "NOVITA_API_KEY",
                    "Novita AI API key (novita.ai/settings/key-management)")),
            List.of(Region.single("https://api.novita.ai", "USD")), List.of(),
            "https://novita.ai/docs/api-reference/basic-get-user-balance", null);

    /** Novita reports money in ten-thousandths of a dollar. */
    private static final int UNIT_DIGITS = 4;

    @Override
    public ProviderInfo info() {
        return INFO;
    }

    @Override
    public BalanceSnapshot fetch(FetchContext ctx) throws FetchException {
        Map<String, String> headers = Map.of(
                "Authorization", "Bearer " + ctx.key(KeySlot.API).reveal(),
                "Content-Type", "application/json");
        JsonNode root = ctx.getJson("/openapi/v1/billing/balance/detail", headers);
        return parse(root, ctx);
    }

    static BalanceSnapshot parse(JsonNode root, FetchContext ctx) throws FetchException {
        String where = "Novita balance";
        Redactor r = ctx.redactor();
        Json.rootObject(root, where);
        if (!root.has("availableBalance") && (root.has("code") || root.has("reason") || root.has("message"))) {
            String said = r.clean(String.join(" ", nonBlank(Json.optionalText(root, "code"),
                    Json.optionalText(root, "reason"), Json.optionalText(root, "message"))));
            throw FetchException.badResponse(FetchPhrase.withSaid(FetchPhrase.ERROR_INSTEAD_OF_BALANCE.text(where, "Novita"), said));
        }
        BigDecimal total = Json.money(root, "availableBalance", where, r).movePointLeft(UNIT_DIGITS);
        BigDecimal cash = Json.optionalMoney(root, "cashBalance", where, r);
        BigDecimal credit = Json.optionalMoney(root, "creditLimit", where, r);
        CurrencyBalance balance = new CurrencyBalance("USD", total, null,
                cash == null ? null : cash.movePointLeft(UNIT_DIGITS), false,
                credit == null ? null : credit.movePointLeft(UNIT_DIGITS));
        return new BalanceSnapshot(ctx.info().id(), ctx.clock().instant(), null, List.of(balance), null, null);
    }

    private static List<String> nonBlank(String... parts) {
        return Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).toList();
    }
}
