package dev.tally.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.Capability;
import dev.tally.core.Caveat;
import dev.tally.core.CurrencyBalance;
import dev.tally.core.FetchError;
import dev.tally.core.FetchException;
import dev.tally.core.Remedy;
import dev.tally.core.ProviderId;
import dev.tally.core.Secret;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * xAI: {@code GET /v1/billing/teams/{team_id}/prepaid/balance} on the Management API, with a management
 * key (not an inference key) and the team id. {@code total.val} is USD cents as a string in ledger sign
 * (purchases are negative), so the remaining credit is {@code -val / 100}: {@code "-1000"} is $10.00 left,
 * and a positive value is an overdraft, shown negative. The ledger holds posted entries only, so the balance can be
 * higher than the console's figure by the current cycle's unposted spend: the snapshot carries
 * {@link Caveat.PostedLedger} and the front ends say so beside the amount. Docs:
 * https://docs.x.ai/developers/rest-api-reference/management/billing
 */
public final class XaiProvider implements BalanceProvider {
    /** The team whose prepaid balance is read; from the console (Settings → Team). */
    public static final AccountField TEAM_ID = new AccountField("team_id", "Team id", "a team id",
            "The team id from the console", true, "XAI_TEAM_ID", AccountField.ONE_LINE);

    static final ProviderInfo INFO = new ProviderInfo(ProviderId.of("xai"), "xAI", List.of(),
            Set.of(Capability.BALANCE),
            List.of(new KeySlot(KeySlot.MANAGEMENT, "XAI_MANAGEMENT_KEY",
                    "xAI management key (console.x.ai → Settings → Management Keys; not an inference key,"
                            + " and it can manage API keys, so keep it in the keychain)")),
            List.of(Region.single("https://management-api.x.ai", "USD")), List.of(TEAM_ID),
            "https://docs.x.ai/developers/rest-api-reference/management/billing", null);

    @Override
    public ProviderInfo info() {
        return INFO;
    }

    @Override
    public BalanceSnapshot fetch(FetchContext ctx) throws FetchException {
        Secret key = ctx.key(KeySlot.MANAGEMENT);
        String teamId = ctx.target().field(TEAM_ID.id()) == null ? "" : ctx.target().field(TEAM_ID.id());
        if (teamId.isEmpty()) {
            throw new FetchException(missingTeamId(ctx.target()));
        }
        String path = "/v1/billing/teams/" + pathSegment(teamId) + "/prepaid/balance";
        JsonNode root;
        try {
            root = ctx.getJson(path, FetchContext.bearer(key));
        } catch (FetchException e) {
            throw explain(e);
        }
        return parse(root, ctx);
    }

    static BalanceSnapshot parse(JsonNode root, FetchContext ctx) throws FetchException {
        String where = "xAI prepaid balance";
        Redactor r = ctx.redactor();
        Json.rootObject(root, where);
        JsonNode total = Json.object(root, "total", where);
        BigDecimal ledgerCents = Json.money(total, "val", where + " total", r);
        BigDecimal remaining = ledgerCents.negate().movePointLeft(2);
        // the ledger holds what is posted: this cycle's spend not yet posted is in the console's figure only
        return new BalanceSnapshot(ctx.info().id(), ctx.clock().instant(), null,
                List.of(new CurrencyBalance("USD", remaining, null, null, false)), null, null, null,
                List.of(new Caveat.PostedLedger()));
    }

    /**
     * A missing team id: what happened, and the remedy of setting the field (the account's own, or the
     * environment variable); each front end says where.
     */
    static FetchError missingTeamId(ProviderTarget target) {
        return new FetchError.NoKey(FetchPhrase.NO_XAI_TEAM.text(target.accountLabel()), new Remedy.SetField(TEAM_ID.id(),
                TEAM_ID.label(), target.accountId(), TEAM_ID.envVar(), "console.x.ai → Settings → Team"));
    }

    /** Percent-encodes one path segment (a space becomes {@code %20}, a slash {@code %2F}). */
    static String pathSegment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Adds what usually causes the status to the generic HTTP message. */
    private static FetchException explain(FetchException e) {
        return switch (e.error()) {
            case FetchError.AuthFailed a -> new FetchException(new FetchError.AuthFailed(FetchPhrase.WITH_HINT.text(a.text(), FetchPhrase.HINT_XAI_MANAGEMENT.text())));
            case FetchError.Forbidden f -> new FetchException(new FetchError.Forbidden(FetchPhrase.WITH_HINT.text(f.text(), FetchPhrase.HINT_XAI_TEAM.text())));
            case FetchError.ProviderError p when p.httpStatus() == 404 -> new FetchException(new FetchError.ProviderError(FetchPhrase.WITH_HINT.text(p.text(), FetchPhrase.HINT_XAI_NO_PREPAID.text()), p.httpStatus()));
            default -> e;
        };
    }
}
