package dev.tally.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.Capability;
import dev.tally.core.FetchError;
import dev.tally.core.FetchException;
import dev.tally.core.KeyLimit;
import dev.tally.core.ProviderId;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A LiteLLM proxy (self-hosted), with the user's own virtual key — no master key:
 * <ol>
 *   <li>{@code GET /key/info}: the calling key's {@code spend}, {@code max_budget} ({@code null}: none) and
 *       {@code budget_reset_at}, and the {@code team_id} / {@code user_id} it belongs to;</li>
 *   <li>then {@code GET /team/info?team_id=} for a key in a team (limited by the team's budget), else
 *       {@code GET /user/info?user_id=} for a personal key (limited by the user's budget).</li>
 * </ol>
 * The budget that leaves the least is what the key can still spend: a {@link KeyLimit} with that budget, its spend and
 * when it resets (the ISO time LiteLLM gives). Without any budget only the key's spend is shown (a key limit without a
 * cap). Spend and budgets are USD. When the second answer cannot be had, the key's own figures are kept and the
 * snapshot's {@link BalanceSnapshot#problem() problem} says what is not shown. The management routes live at the
 * proxy's root, so a URL ending in {@code /v1} (as given to OpenAI clients) is used without it. Stateless and
 * thread-safe; {@link #fetch} blocks for up to two HTTP requests, one after the other. Docs:
 * https://docs.litellm.ai/docs/proxy/virtual_keys , https://docs.litellm.ai/docs/proxy/users
 */
public final class LiteLlmProvider implements BalanceProvider {
    /** The proxy's address. */
    public static final AccountField PROXY_URL = new AccountField("litellm_url", "Proxy URL", "a LiteLLM proxy URL",
            "The LiteLLM proxy's address, e.g. https://litellm.example.com (a trailing /v1 is fine)", true,
            "LITELLM_BASE_URL", AccountField.URL);

    static final ProviderInfo INFO = new ProviderInfo(ProviderId.of("litellm"), "LiteLLM proxy", List.of(),
            Set.of(Capability.KEY_LIMIT),
            List.of(new KeySlot(KeySlot.API, "LITELLM_API_KEY",
                    "Your LiteLLM virtual key (sk-…, from the proxy's admin or its UI → Virtual Keys); no master key needed")),
            // no documented host: the proxy URL is the account's; this origin is only what the form shows as an example
            List.of(new Region(Region.DEFAULT, URI.create("https://litellm.example.com"), "USD", true)), List.of(PROXY_URL),
            "https://docs.litellm.ai/docs/proxy/virtual_keys", null);

    /** One budget: whose, what was spent, the cap ({@code null}: none) and the next reset ({@code null}: never). */
    record Budget(String whose, BigDecimal spend, BigDecimal max, String resetAt) {
        BigDecimal left() {
            return max.subtract(spend);
        }
    }

    @Override
    public ProviderInfo info() {
        return INFO;
    }

    @Override
    public BalanceSnapshot fetch(FetchContext ctx) throws FetchException {
        FetchContext at = withoutV1(NewApiProvider.onServer(ctx, PROXY_URL, "the proxy's admin"));
        Map<String, String> auth = FetchContext.bearer(at.key(KeySlot.API));
        JsonNode keyRoot = at.getJson("/key/info", auth);
        JsonNode info = object(keyRoot, "info", "LiteLLM key info", at.redactor());
        Budget key = budget(info, "the key", "LiteLLM key info", at.redactor());
        String team = id(info, "team_id");
        String user = team == null ? id(info, "user_id") : null;
        Budget owner = null;
        FetchError ownerFailed = null;
        if (team != null || user != null) {
            String whose = team != null ? "the team" : "the user";
            String where = team != null ? "LiteLLM team info" : "LiteLLM user info";
            try {
                JsonNode root = at.getJson(team != null ? "/team/info?team_id=" + query(team)
                        : "/user/info?user_id=" + query(user), auth);
                JsonNode part = object(root, team != null ? "team_info" : "user_info", where, at.redactor(), true);
                owner = part == null ? null : budget(part, whose, where, at.redactor());
            } catch (FetchException e) {
                ownerFailed = e.error().withText(FetchPhrase.BUDGET_NOT_SHOWN.text(whose, e.error().text()));
            }
        }
        Budget binding = List.of(key, owner == null ? key : owner).stream().filter(b -> b.max() != null)
                .min((a, b) -> a.left().compareTo(b.left())).orElse(null);
        // the answers state no currency; LiteLLM's docs count spend and budgets in USD
        boolean assumed = at.region().currencyAssumed();
        KeyLimit limit = binding == null
                ? new KeyLimit("USD", null, null, key.spend(), null, assumed)
                : new KeyLimit("USD", binding.max(), binding.left(), binding.spend(), binding.resetAt(), assumed);
        return new BalanceSnapshot(at.info().id(), at.clock().instant(), null, List.of(), null, limit, ownerFailed);
    }

    /** {@code spend} (required), {@code max_budget} (present, {@code null} = no budget), {@code budget_reset_at}. */
    static Budget budget(JsonNode n, String whose, String where, Redactor r) throws FetchException {
        BigDecimal spend = Json.money(n, "spend", where, r);
        if (!n.has("max_budget")) {
            throw FetchException.badResponse(FetchPhrase.FIELD_MISSING.text(where, "max_budget"));
        }
        BigDecimal max = Json.optionalMoney(n, "max_budget", where, r);
        String reset = max == null ? null : resetAt(Json.optionalText(n, "budget_reset_at"), r);
        return new Budget(whose, spend, max, reset);
    }

    /** LiteLLM's reset time as an ISO instant in UTC ({@code 2026-12-01T00:00:00Z}); text it cannot read, cleaned. */
    static String resetAt(String text, Redactor r) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            return OffsetDateTime.parse(t).toInstant().truncatedTo(ChronoUnit.SECONDS).toString();
        } catch (DateTimeParseException e) {
            try {
                // LiteLLM keeps its times in UTC; a time without an offset is read as UTC
                return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();
            } catch (DateTimeParseException e2) {
                try {
                    return Instant.parse(t).truncatedTo(ChronoUnit.SECONDS).toString();
                } catch (DateTimeParseException e3) {
                    return r.clean(t);
                }
            }
        }
    }

    private static JsonNode object(JsonNode root, String field, String where, Redactor r) throws FetchException {
        return object(root, field, where, r, false);
    }

    /** The object {@code field}, after refusing an error sent with HTTP 200; {@code null} only when JSON null is allowed. */
    private static JsonNode object(JsonNode root, String field, String where, Redactor r, boolean nullable)
            throws FetchException {
        Json.rootObject(root, where);
        JsonNode error = root.get("error");
        if (error != null && !error.isNull() && !root.has(field)) {
            String said = r.clean(error.isTextual() ? error.asText() : Json.optionalText(error, "message"));
            throw FetchException.badResponse(FetchPhrase.withSaid(FetchPhrase.PROXY_ERROR_INSTEAD_OF_FIGURES.text(where), said));
        }
        JsonNode n = root.get(field);
        if (nullable && n != null && n.isNull()) {
            // LiteLLM answers a user it has no record of with user_info null: no budget of theirs applies
            return null;
        }
        return Json.object(root, field, where);
    }

    private static String id(JsonNode info, String field) {
        String v = Json.optionalText(info, field);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The same context on the proxy's root: a trailing {@code /v1} of its URL is dropped. */
    private static FetchContext withoutV1(FetchContext ctx) {
        ProviderTarget t = ctx.target();
        URI base = t.baseUrl();
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        if (!path.endsWith("/v1")) {
            return ctx;
        }
        URI root = URI.create(base.getScheme() + "://" + base.getRawAuthority() + path.substring(0, path.length() - 3));
        return new FetchContext(ctx.info(), new ProviderTarget(t.accountLabel(), t.region(), root, t.fields(),
                t.accountId()), ctx.credentials(), ctx.http(), ctx.clock());
    }
}
