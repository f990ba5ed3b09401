package dev.tally.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.Capability;
import dev.tally.core.CurrencyBalance;
import dev.tally.core.FetchError;
import dev.tally.core.FetchException;
import dev.tally.core.ProviderId;
import dev.tally.core.Remedy;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Cloudflare AI Gateway unified billing: {@code GET /client/v4/accounts/{account_id}/ai-gateway/billing/credit-balance}
 * with an API token that may read AI Gateway, and the account id. The answer is Cloudflare's envelope
 * ({@code success}, {@code errors}, {@code result}); {@code success:false} is an error even with HTTP 200, and its
 * {@code errors[].message} is quoted. {@code result.balance} is the credit left; the answer states no currency and the
 * credits are bought in USD, so it is shown as USD, marked assumed. Stateless and thread-safe; {@link #fetch} blocks
 * for one HTTP request. Docs:
 * https://developers.cloudflare.com/api/resources/ai_gateway/subresources/billing/methods/credit_balance
 */
public final class CloudflareProvider implements BalanceProvider {
    /** The Cloudflare account whose credits are read. */
    public static final AccountField ACCOUNT_ID = new AccountField("account_id", "Account id", "an account id",
            "The account id from the Cloudflare dashboard (Account home → the account's menu → Copy account ID)",
            true, "CLOUDFLARE_ACCOUNT_ID", AccountField.ONE_LINE);

    static final ProviderInfo INFO = new ProviderInfo(ProviderId.of("cloudflare"), "Cloudflare AI Gateway", List.of(),
            Set.of(Capability.BALANCE),
            List.of(new KeySlot(KeySlot.API, "CLOUDFLARE_API_TOKEN",
                    "Cloudflare API token with the AI Gateway Read permission (dash.cloudflare.com → My Profile → API"
                            + " Tokens); not a Global API Key")),
            List.of(new Region(Region.DEFAULT, URI.create("https://api.cloudflare.com"), "USD", true)),
            List.of(ACCOUNT_ID),
            "https://developers.cloudflare.com/api/resources/ai_gateway/subresources/billing/methods/credit_balance",
            null);

    @Override
    public ProviderInfo info() {
        return INFO;
    }

    @Override
    public BalanceSnapshot fetch(FetchContext ctx) throws FetchException {
        String accountId = ctx.target().field(ACCOUNT_ID.id());
        if (accountId == null) {
            throw new FetchException(new FetchError.NoKey(FetchPhrase.NO_CLOUDFLARE_ACCOUNT.text(ctx.target().accountLabel()),
                    new Remedy.SetField(ACCOUNT_ID.id(), ACCOUNT_ID.label(), ctx.target().accountId(),
                            ACCOUNT_ID.envVar(), "dash.cloudflare.com → Account home → Copy account ID")));
        }
        String path = "/client/v4/accounts/" + XaiProvider.pathSegment(accountId) + "/ai-gateway/billing/credit-balance";
        JsonNode root;
        try {
            root = ctx.getJson(path, FetchContext.bearer(ctx.key(KeySlot.API)));
        } catch (FetchException e) {
            throw explain(e);
        }
        return parse(root, ctx);
    }

    static BalanceSnapshot parse(JsonNode root, FetchContext ctx) throws FetchException {
        String where = "Cloudflare credit balance";
        Redactor r = ctx.redactor();
        Json.rootObject(root, where);
        Boolean success = Json.optionalBoolean(root, "success", where);
        if (success == null) {
            throw FetchException.badResponse(FetchPhrase.FIELD_MISSING.text(where, "success"));
        }
        if (!success) {
            String said = errors(root, r);
            throw FetchException.badResponse(FetchPhrase.withSaid(FetchPhrase.REPORTED_ERROR_BALANCE.text(where, "Cloudflare"), said));
        }
        JsonNode result = Json.object(root, "result", where);
        BigDecimal balance = Json.money(result, "balance", where + " result", r);
        Region region = ctx.region();
        return new BalanceSnapshot(ctx.info().id(), ctx.clock().instant(), null,
                List.of(new CurrencyBalance(region.currency(), balance, null, null, region.currencyAssumed())), null, null);
    }

    /** "Authentication error (code 10000)", each of Cloudflare's errors, cleaned; empty when there are none. */
    static String errors(JsonNode root, Redactor r) {
        JsonNode errors = root.get("errors");
        List<String> out = new ArrayList<>();
        if (errors != null && errors.isArray()) {
            for (JsonNode e : errors) {
                String message = r.clean(Json.optionalText(e, "message"));
                JsonNode code = e.get("code");
                if (message == null || message.isEmpty()) {
                    continue;
                }
                out.add(code != null && code.isIntegralNumber() ? message + " (code " + code.asLong() + ")" : message);
                if (out.size() == 3) {
                    break;
                }
            }
        }
        return String.join("; ", out);
    }

    /** Adds what usually causes the status to the generic HTTP message. */
    private static FetchException explain(FetchException e) {
        return switch (e.error()) {
            case FetchError.AuthFailed a -> new FetchException(a.withText(FetchPhrase.WITH_HINT.text(a.text(), FetchPhrase.HINT_CLOUDFLARE_TOKEN.text())));
            case FetchError.Forbidden f -> new FetchException(f.withText(FetchPhrase.WITH_HINT.text(f.text(), FetchPhrase.HINT_CLOUDFLARE_SCOPE.text())));
            case FetchError.ProviderError p when p.httpStatus() == 404 -> new FetchException(p.withText(FetchPhrase.WITH_HINT.text(p.text(), FetchPhrase.HINT_CLOUDFLARE_ACCOUNT.text())));
            default -> e;
        };
    }
}
