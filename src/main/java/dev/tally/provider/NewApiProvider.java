package dev.tally.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.Capability;
import dev.tally.core.FetchError;
import dev.tally.core.FetchException;
import dev.tally.core.KeyLimit;
import dev.tally.core.ProviderId;
import dev.tally.core.Remedy;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An OpenAI-compatible relay built on new-api or one-api, self-hosted or public: OpenAI's old billing pair on the
 * relay's own URL, with the key the user sends to the relay.
 * <ul>
 *   <li>{@code GET /v1/dashboard/billing/subscription}: {@code hard_limit_usd} is what the key (or user) was given in
 *       total, in USD; one-api's placeholder {@code 100000000} means "no limit";</li>
 *   <li>{@code GET /v1/dashboard/billing/usage}: {@code total_usage} is what was used, in <b>cents</b> (USD / 100),
 *       converted exactly.</li>
 * </ul>
 * What is left is {@code hard_limit_usd − total_usage / 100}, a {@link KeyLimit}; without a limit only the usage is
 * shown. Both answers are needed; a field that is missing or not a number is a {@code bad_response} naming it, never a
 * zero, and fields Tally does not use ({@code soft_limit_usd}, {@code has_payment_method}, …) may be absent, as relays
 * vary. A past {@code access_until} (the key's expiry, {@code 0} = never) makes the account unavailable.
 * Where the relay's URL ends in {@code /v1} (as given to OpenAI clients) the paths follow it directly. Some instances
 * want the user's id in a {@code New-Api-User} header: the optional {@link #USER_ID} field. Stateless and thread-safe;
 * {@link #fetch} blocks for two HTTP requests, one after the other. Docs:
 * https://docs.newapi.pro/en/api/fei-account-billing-panel
 */
public final class NewApiProvider implements BalanceProvider {
    /** one-api's "unlimited" stand-in for {@code hard_limit_usd}. */
    static final BigDecimal NO_LIMIT = new BigDecimal("100000000");

    /** The relay's address, as its users give it to OpenAI clients. */
    public static final AccountField RELAY_URL = new AccountField("relay_url", "Relay URL", "a relay URL",
            "The relay's API address as given to OpenAI clients, e.g. https://relay.example.com/v1", true,
            "NEWAPI_BASE_URL", AccountField.URL);

    /** new-api's user id, for instances that want it beside the key. */
    public static final AccountField USER_ID = new AccountField("user_id", "User id", "a user id",
            "Only if the relay asks for it: your numeric user id (sent as the New-Api-User header)", false,
            "NEWAPI_USER_ID", (f, v) -> v.matches("[0-9]{1,19}") ? Optional.empty()
            : Optional.of(f.noun() + " must be a number (the id the relay's console shows)"));

    static final ProviderInfo INFO = new ProviderInfo(ProviderId.of("newapi"), "New API relay",
            List.of("new-api", "oneapi", "one-api"), Set.of(Capability.KEY_LIMIT),
            List.of(new KeySlot(KeySlot.API, "NEWAPI_API_KEY",
                    "The relay's API key (the sk-… token you use with the relay, from its console → Tokens)")),
            // no documented host: the relay URL is the account's; this origin is only what the form shows as an example
            List.of(new Region(Region.DEFAULT, URI.create("https://relay.example.com"), "USD", true)), List.of(RELAY_URL, USER_ID),
            "https://docs.newapi.pro/en/api/fei-account-billing-panel", null);

    @Override
    public ProviderInfo info() {
        return INFO;
    }

    @Override
    public BalanceSnapshot fetch(FetchContext ctx) throws FetchException {
        FetchContext at = onServer(ctx, RELAY_URL, "the relay's console or its operator");
        Map<String, String> headers = new LinkedHashMap<>(FetchContext.bearer(at.key(KeySlot.API)));
        String user = at.target().field(USER_ID.id());
        if (user != null) {
            Optional<String> problem = USER_ID.problem(user);
            if (problem.isPresent()) {
                throw new FetchException(new FetchError.NoKey(FetchPhrase.FIELD_PROBLEM.text(problem.get(), at.target().accountLabel()),
                        setField(at.target(), USER_ID, "the relay's console → Personal settings")));
            }
            headers.put("New-Api-User", user);
        }
        String prefix = endsWithV1(at.target().baseUrl()) ? "" : "/v1";
        JsonNode subscription = at.getJson(prefix + "/dashboard/billing/subscription", headers);
        JsonNode usage = at.getJson(prefix + "/dashboard/billing/usage", headers);
        return parse(subscription, usage, at);
    }

    static BalanceSnapshot parse(JsonNode subscription, JsonNode usage, FetchContext ctx) throws FetchException {
        Redactor r = ctx.redactor();
        String sub = "relay subscription";
        refuseErrorEnvelope(subscription, sub, r);
        BigDecimal hard = Json.money(subscription, "hard_limit_usd", sub, r);
        if (hard.signum() < 0) {
            throw FetchException.badResponse(sub + ": field 'hard_limit_usd' is negative (" + hard.toPlainString() + ")");
        }
        String use = "relay usage";
        refuseErrorEnvelope(usage, use, r);
        BigDecimal used = Json.money(usage, "total_usage", use, r).movePointLeft(2);
        // only the field name says USD: a self-hosted relay may price in its own units, so the currency is assumed
        boolean assumed = ctx.region().currencyAssumed();
        KeyLimit key = hard.compareTo(NO_LIMIT) >= 0
                ? new KeyLimit("USD", null, null, used, null, assumed)
                : new KeyLimit("USD", hard, hard.subtract(used), used, null, assumed);
        Boolean available = null;
        JsonNode until = subscription.get("access_until");
        if (until != null && until.isIntegralNumber() && until.longValue() > 0
                && Instant.ofEpochSecond(until.longValue()).isBefore(ctx.clock().instant())) {
            available = false;
        }
        return new BalanceSnapshot(ctx.info().id(), ctx.clock().instant(), available, List.of(), null, key);
    }

    /** An object, and not one of the error shapes relays send with HTTP 200 ({@code error}, {@code success:false}). */
    private static void refuseErrorEnvelope(JsonNode root, String where, Redactor r) throws FetchException {
        Json.rootObject(root, where);
        JsonNode error = root.get("error");
        JsonNode success = root.get("success");
        boolean failed = error != null && !error.isNull() || success != null && success.isBoolean() && !success.booleanValue();
        if (failed) {
            String said = r.clean(error != null && error.isTextual() ? error.asText()
                    : error != null && error.isObject() ? Json.optionalText(error, "message")
                    : Json.optionalText(root, "message"));
            throw FetchException.badResponse(FetchPhrase.withSaid(FetchPhrase.RELAY_ERROR_INSTEAD_OF_FIGURES.text(where), said));
        }
    }

    private static boolean endsWithV1(URI base) {
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        return path.endsWith("/v1");
    }

    /**
     * The fetch context on the self-hosted server: the account's base URL when it has one (it replaces the origin, as
     * for every provider), else the server field (the account's, else its environment variable). Neither is a
     * {@code no_key} error whose remedy is to set the field; nothing is sent.
     */
    static FetchContext onServer(FetchContext ctx, AccountField field, String whereToFind) throws FetchException {
        ProviderTarget t = ctx.target();
        if (t.baseUrl() != null) {
            return ctx;
        }
        String text = t.field(field.id());
        if (text == null) {
            throw new FetchException(new FetchError.NoKey(FetchPhrase.NO_FIELD.text(field.label().toLowerCase(java.util.Locale.ROOT),
                    t.accountLabel()), setField(t, field, whereToFind)));
        }
        URI base;
        try {
            base = BaseUrls.parse(text);
        } catch (IllegalArgumentException e) {
            throw new FetchException(new FetchError.NoKey(FetchPhrase.FIELD_UNUSABLE.text(field.label().toLowerCase(java.util.Locale.ROOT),
                    t.accountLabel(), ctx.redactor().clean(e.getMessage())),
                    setField(t, field, whereToFind)));
        }
        return new FetchContext(ctx.info(), new ProviderTarget(t.accountLabel(), t.region(), base, t.fields(),
                t.accountId()), ctx.credentials(), ctx.http(), ctx.clock());
    }

    static Remedy setField(ProviderTarget t, AccountField field, String whereToFind) {
        return new Remedy.SetField(field.id(), field.label(), t.accountId(), field.envVar(), whereToFind);
    }
}
