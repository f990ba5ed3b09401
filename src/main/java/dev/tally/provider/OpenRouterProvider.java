package dev.tally.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.Capability;
import dev.tally.core.CurrencyBalance;
import dev.tally.core.FetchError;
import dev.tally.core.FetchException;
import dev.tally.core.KeyLimit;
import dev.tally.core.ProviderId;
import dev.tally.core.Secret;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * OpenRouter, with up to two keys and one request per key:
 * <ul>
 *   <li>an ordinary API key reads its own cap with {@code GET /api/v1/key} ({@link KeyLimit};
 *       {@code limit:null} means unlimited, never zero);</li>
 *   <li>a management key reads the account's credits with {@code GET /api/v1/credits}
 *       (balance = {@code total_credits - total_usage}, USD). An ordinary key gets 403 there, and keys
 *       that cannot read credits have been seen getting 200 with zeros, so 0 credits and 0 usage is
 *       reported as an error, never as "$0.00 left".</li>
 * </ul>
 * Each key is sent only to its own endpoint. If either request fails, the fetch fails with that error.
 * Stateless and thread-safe; {@link #fetch} blocks for up to two HTTP requests, made one after the other.
 * Docs: https://openrouter.ai/docs/api/api-reference/credits/get-credits ,
 * https://openrouter.ai/docs/api/api-reference/api-keys/get-current-key
 */
public final class OpenRouterProvider implements BalanceProvider {
    private static final String API_ENV = "OPENROUTER_API_KEY";
    private static final String MANAGEMENT_ENV = "OPENROUTER_MANAGEMENT_KEY";

    static final ProviderInfo INFO = new ProviderInfo(ProviderId.of("openrouter"), "OpenRouter", List.of(),
            Set.of(Capability.BALANCE, Capability.KEY_LIMIT),
            List.of(new KeySlot(KeySlot.API, API_ENV,
                            "OpenRouter API key (openrouter.ai/settings/keys); shows that key's own limit and usage"),
                    new KeySlot(KeySlot.MANAGEMENT, MANAGEMENT_ENV,
                            "OpenRouter management key (openrouter.ai/settings/management-keys); needed for the"
                                    + " account's credit balance. It can manage your keys: keep it in the keychain")),
            List.of(Region.single("https://openrouter.ai", "USD")), null,
            "https://openrouter.ai/docs/api/api-reference/credits/get-credits", null);

    @Override
    public ProviderInfo info() {
        return INFO;
    }

    @Override
    public BalanceSnapshot fetch(FetchContext ctx) throws FetchException {
        Optional<Secret> apiKey = ctx.credentials().get(KeySlot.API);
        Optional<Secret> managementKey = ctx.credentials().get(KeySlot.MANAGEMENT);
        if (apiKey.isEmpty() && managementKey.isEmpty()) {
            throw new FetchException(new FetchError.NoKey("no key for " + ctx.target().accountLabel()
                    + ": set a management key (" + MANAGEMENT_ENV + ") for the account balance and/or an API key ("
                    + API_ENV + ") for that key's limit, or use 'tally keys set'"));
        }
        JsonNode key = null;
        if (apiKey.isPresent()) {
            key = ctx.getJson("/api/v1/key", FetchContext.bearer(apiKey.get()));
        }
        JsonNode credits = null;
        if (managementKey.isPresent()) {
            try {
                credits = ctx.getJson("/api/v1/credits", FetchContext.bearer(managementKey.get()));
            } catch (FetchException e) {
                if (e.error() instanceof FetchError.Forbidden forbidden) {
                    throw new FetchException(new FetchError.Forbidden("OpenRouter's credit balance needs a management key"
                            + " (create one at openrouter.ai/settings/management-keys; an ordinary API key is refused): "
                            + forbidden.message()));
                }
                throw e;
            }
        }
        return parse(key, credits, ctx);
    }

    /** Combines the answers of {@code /key} and {@code /credits}; either may be {@code null} when not asked. */
    static BalanceSnapshot parse(JsonNode key, JsonNode credits, FetchContext ctx) throws FetchException {
        KeyLimit limit = key == null ? null : parseKey(key, ctx);
        List<CurrencyBalance> balances = credits == null ? List.of() : List.of(parseCredits(credits, ctx));
        return new BalanceSnapshot(ctx.info().id(), ctx.clock().instant(), null, balances, null, limit);
    }

    static KeyLimit parseKey(JsonNode root, FetchContext ctx) throws FetchException {
        String where = "OpenRouter key";
        Redactor r = ctx.redactor();
        JsonNode data = data(root, where, ctx);
        String at = where + " data";
        if (!data.has("limit")) {
            throw FetchException.badResponse(at + ": field 'limit' is missing");
        }
        BigDecimal limit = Json.optionalMoney(data, "limit", at, r);
        BigDecimal remaining = null;
        if (limit != null) {
            remaining = Json.optionalMoney(data, "limit_remaining", at, r);
            if (remaining == null) {
                throw FetchException.badResponse(at + ": the key has a limit but field 'limit_remaining' is missing");
            }
        }
        BigDecimal usage = Json.money(data, "usage", at, r);
        // shown to the user as is: documented as daily/weekly/monthly, anything else is cleaned like a message
        String reset = Json.optionalText(data, "limit_reset");
        if (reset != null) {
            reset = r.clean(reset);
        }
        return new KeyLimit("USD", limit, remaining, usage, reset);
    }

    static CurrencyBalance parseCredits(JsonNode root, FetchContext ctx) throws FetchException {
        String where = "OpenRouter credits";
        Redactor r = ctx.redactor();
        JsonNode data = data(root, where, ctx);
        String at = where + " data";
        BigDecimal credits = Json.money(data, "total_credits", at, r);
        BigDecimal usage = Json.money(data, "total_usage", at, r);
        if (credits.signum() == 0 && usage.signum() == 0) {
            throw FetchException.badResponse("OpenRouter reported 0 credits and 0 usage; keys that cannot read the"
                    + " account's credits get this answer, so check that the key in the management slot ("
                    + MANAGEMENT_ENV + ") is a management key from openrouter.ai/settings/management-keys");
        }
        return new CurrencyBalance("USD", credits.subtract(usage), null, null, false);
    }

    /** The {@code data} object, or a bad_response that quotes an error object sent with HTTP 200. */
    private static JsonNode data(JsonNode root, String where, FetchContext ctx) throws FetchException {
        Json.rootObject(root, where);
        JsonNode error = root.get("error");
        if (error != null && !error.isNull() && !root.has("data")) {
            String said = ctx.redactor().clean(error.isTextual() ? error.asText()
                    : Json.optionalText(error, "message"));
            throw FetchException.badResponse(where + ": OpenRouter answered with an error instead of data"
                    + (said.isEmpty() ? "" : ": " + said));
        }
        return Json.object(root, "data", where);
    }
}
