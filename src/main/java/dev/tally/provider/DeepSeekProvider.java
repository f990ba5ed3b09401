package dev.tally.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.Capability;
import dev.tally.core.CurrencyBalance;
import dev.tally.core.Currencies;
import dev.tally.core.FetchException;
import dev.tally.core.ProviderId;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * DeepSeek: {@code GET /user/balance} with the ordinary API key.
 * Every currency row is kept apart (CNY and USD can both appear, in any order); money may arrive as
 * strings or numbers. Docs: https://api-docs.deepseek.com/api/get-user-balance
 */
public final class DeepSeekProvider implements BalanceProvider {
    static final ProviderInfo INFO = new ProviderInfo(ProviderId.of("deepseek"), "DeepSeek", List.of(),
            Set.of(Capability.BALANCE),
            List.of(new KeySlot(KeySlot.API, "DEEPSEEK_API_KEY",
                    "DeepSeek API key (platform.deepseek.com → API keys)")),
            List.of(Region.stating("https://api.deepseek.com", "CNY", "USD")), List.of(),
            "https://api-docs.deepseek.com/api/get-user-balance", null);

    @Override
    public ProviderInfo info() {
        return INFO;
    }

    @Override
    public BalanceSnapshot fetch(FetchContext ctx) throws FetchException {
        JsonNode root = ctx.getJson("/user/balance", FetchContext.bearer(ctx.key(KeySlot.API)));
        return parse(root, ctx);
    }

    static BalanceSnapshot parse(JsonNode root, FetchContext ctx) throws FetchException {
        String where = "DeepSeek balance";
        Redactor r = ctx.redactor();
        Json.rootObject(root, where);
        Boolean available = Json.optionalBoolean(root, "is_available", where);
        JsonNode infos = Json.array(root, "balance_infos", where);
        List<CurrencyBalance> balances = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < infos.size(); i++) {
            JsonNode row = infos.get(i);
            String at = where + " balance_infos[" + i + "]";
            if (!row.isObject()) {
                throw FetchException.badResponse(FetchPhrase.IS_NOT_OBJECT.text(at));
            }
            String code = Json.optionalText(row, "currency");
            if (code == null || !Currencies.isIso(code)) {
                throw FetchException.badResponse(code == null ? FetchPhrase.CURRENCY_MISSING.text(at)
                        : FetchPhrase.CURRENCY_NOT_ISO.text(at, r.quote(code)));
            }
            String currency = Currencies.requireIso(code);
            if (!seen.add(currency)) {
                throw FetchException.badResponse(FetchPhrase.LISTS_TWICE.text(where, currency));
            }
            BigDecimal total = Json.money(row, "total_balance", at, r);
            BigDecimal granted = Json.optionalMoney(row, "granted_balance", at, r);
            BigDecimal paid = Json.optionalMoney(row, "topped_up_balance", at, r);
            balances.add(new CurrencyBalance(currency, total, granted, paid, false));
        }
        if (balances.isEmpty()) {
            throw FetchException.badResponse(FetchPhrase.NO_CURRENCY.text(where, "balance_infos"));
        }
        return new BalanceSnapshot(ctx.info().id(), ctx.clock().instant(), available, balances, null, null);
    }
}
