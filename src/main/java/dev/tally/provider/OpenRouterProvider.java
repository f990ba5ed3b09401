package dev.tally.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.Capability;
import dev.tally.core.Caveat;
import dev.tally.core.CurrencyBalance;
import dev.tally.core.FetchError;
import dev.tally.core.FetchException;
import dev.tally.core.Remedy;
import dev.tally.core.KeyLimit;
import dev.tally.core.ProviderId;
import dev.tally.core.Secret;
import dev.tally.core.Text;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * OpenRouter, with up to two keys and one request per key:
 * <ul>
 *   <li>an ordinary API key reads its own cap with {@code GET /api/v1/key} ({@link KeyLimit};
 *       {@code limit:null} means unlimited, never zero; its {@code expires_at} becomes a
 *       {@link Caveat.KeyExpires}, which the front ends tell when it is near);</li>
 *   <li>a management key reads the account's credits with {@code GET /api/v1/credits}
 *       (balance = {@code total_credits - total_usage}, USD). An ordinary key gets 403 there, and keys
 *       that cannot read credits have been seen getting 200 with zeros, so 0 credits and 0 usage is
 *       reported as an error, never as "$0.00 left".</li>
 * </ul>
 * Each key is sent only to its own endpoint. With both keys, one failing does not throw away what the other
 * fetched: the snapshot keeps the good half and {@link BalanceSnapshot#problem()} names the key that failed and
 * why (status stays {@code ok}, the JSON {@code message} carries it). Only when nothing could be fetched does the
 * fetch fail, with an error that names the key (both keys' errors when both failed).
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
            List.of(Region.single("https://openrouter.ai", "USD")), List.of(),
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
            throw new FetchException(new FetchError.NoKey(FetchPhrase.NO_OPENROUTER_KEY.text(ctx.target().accountLabel(), MANAGEMENT_ENV,
                    API_ENV), new Remedy.SetKey(ctx.target().accountId(), null,
                    List.of(MANAGEMENT_ENV, API_ENV))));
        }
        KeyLimit limit = null;
        Instant expires = null;
        FetchError keyFailed = null;
        if (apiKey.isPresent()) {
            try {
                JsonNode key = ctx.getJson("/api/v1/key", FetchContext.bearer(apiKey.get()));
                KeyLimit read = parseKey(key, ctx);
                expires = parseExpiry(key, ctx);
                limit = read;
            } catch (FetchException e) {
                keyFailed = naming(e.error(), KeySlot.API);
            }
        }
        CurrencyBalance balance = null;
        FetchError creditsFailed = null;
        if (managementKey.isPresent()) {
            try {
                balance = parseCredits(ctx.getJson("/api/v1/credits", FetchContext.bearer(managementKey.get())), ctx);
            } catch (FetchException e) {
                creditsFailed = naming(e.error(), KeySlot.MANAGEMENT);
            }
        }
        if (limit == null && balance == null) {
            throw new FetchException(bothFailed(creditsFailed, keyFailed));
        }
        // one key worked: keep its half, and say which key failed and what is therefore not shown
        FetchError problem = creditsFailed != null ? creditsFailed.withText(FetchPhrase.CREDITS_NOT_SHOWN.text(creditsFailed.text()))
                : keyFailed != null ? keyFailed.withText(FetchPhrase.LIMIT_NOT_SHOWN.text(keyFailed.text())) : null;
        return new BalanceSnapshot(ctx.info().id(), ctx.clock().instant(), null,
                balance == null ? List.of() : List.of(balance), null, limit, problem,
                expires == null ? List.of() : List.of(new Caveat.KeyExpires(expires)));
    }

    /** Both keys were given and neither worked (or the only one failed): a key problem first, else the credits'. */
    private static FetchError bothFailed(FetchError credits, FetchError key) {
        if (credits == null || key == null) {
            return credits != null ? credits : key;
        }
        boolean keyProblem = key instanceof FetchError.AuthFailed || key instanceof FetchError.Forbidden;
        boolean creditsProblem = credits instanceof FetchError.AuthFailed || credits instanceof FetchError.Forbidden;
        FetchError first = keyProblem && !creditsProblem ? key : credits;
        FetchError second = first == key ? credits : key;
        return first.withText(FetchPhrase.AND_ALSO.text(first.text(), second.text()));
    }

    /** The error with its key named: "the management key (OPENROUTER_MANAGEMENT_KEY) was rejected by …". */
    static FetchError naming(FetchError e, String slot) {
        boolean management = slot.equals(KeySlot.MANAGEMENT);
        Text key = management ? FetchPhrase.KEY_MANAGEMENT.text(MANAGEMENT_ENV) : FetchPhrase.KEY_ORDINARY.text(API_ENV);
        Text m = e.text();
        // "the key was rejected by …" becomes "the management key (…) was rejected by …"
        Text named = FetchPhrase.HTTP_AUTH.key().equals(m.key()) ? FetchPhrase.NAMED_KEY_REJECTED.text(key, m.args().get(0), m.args().get(1))
                : FetchPhrase.HTTP_FORBIDDEN.key().equals(m.key()) ? FetchPhrase.NAMED_KEY_FORBIDDEN.text(key, m.args().get(0), m.args().get(1))
                : FetchPhrase.NAMED_KEY.text(key, m);
        if (management && e instanceof FetchError.Forbidden) {
            named = FetchPhrase.WITH_HINT.text(named, FetchPhrase.HINT_OPENROUTER_MANAGEMENT.text());
        }
        return e.withText(named);
    }

    static KeyLimit parseKey(JsonNode root, FetchContext ctx) throws FetchException {
        String where = "OpenRouter key";
        Redactor r = ctx.redactor();
        JsonNode data = data(root, where, ctx);
        String at = where + " data";
        if (!data.has("limit")) {
            throw FetchException.badResponse(FetchPhrase.FIELD_MISSING.text(at, "limit"));
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

    /**
     * The ordinary key's {@code expires_at} (ISO 8601, nullable: {@code null} = never), or {@code null}. A value
     * that is not a date is a bad response naming the field. The BYOK fields ({@code byok_usage*},
     * {@code include_byok_in_limit}) are not needed: {@code limit_remaining} already counts what the limit counts.
     */
    static Instant parseExpiry(JsonNode root, FetchContext ctx) throws FetchException {
        String at = "OpenRouter key data";
        JsonNode n = root.path("data").get("expires_at");
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw FetchException.badResponse(at + ": field 'expires_at' is not a date (got "
                    + n.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        try {
            return OffsetDateTime.parse(n.asText().strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw FetchException.badResponse(at + ": field 'expires_at' is not a date: "
                    + ctx.redactor().quote(n.asText()));
        }
    }

    static CurrencyBalance parseCredits(JsonNode root, FetchContext ctx) throws FetchException {
        String where = "OpenRouter credits";
        Redactor r = ctx.redactor();
        JsonNode data = data(root, where, ctx);
        String at = where + " data";
        BigDecimal credits = Json.money(data, "total_credits", at, r);
        BigDecimal usage = Json.money(data, "total_usage", at, r);
        if (credits.signum() == 0 && usage.signum() == 0) {
            throw FetchException.badResponse(FetchPhrase.OPENROUTER_ZERO_CREDITS.text(MANAGEMENT_ENV));
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
            throw FetchException.badResponse(FetchPhrase.withSaid(FetchPhrase.ERROR_INSTEAD_OF_DATA.text(where, "OpenRouter"), said));
        }
        return Json.object(root, "data", where);
    }
}
