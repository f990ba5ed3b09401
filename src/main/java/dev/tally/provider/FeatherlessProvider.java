package dev.tally.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.Capability;
import dev.tally.core.CurrencyBalance;
import dev.tally.core.FetchError;
import dev.tally.core.FetchException;
import dev.tally.core.ProviderId;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Featherless: {@code GET /credits/balance} with an API key of an organization Admin (other members' keys get 403
 * {@code organization_permission_denied}). Shown: what can be spent, {@code available}; {@code balance} and
 * {@code reserved} (held for requests in flight) are checked when sent. All amounts are strings; the
 * {@code *_nano_usd} integers (billionths of a dollar) are the exact ones the docs say to compute with, the
 * {@code *_usd} decimals the same values for display: Tally reads the nano value, the decimal when only it is sent,
 * and calls two that disagree a bad response. {@code currency} is {@code "usd"} (the field names say so too).
 * Stateless and thread-safe; {@link #fetch} blocks for one HTTP request.
 * Docs: https://featherless.ai/docs/api-reference-credits
 */
public final class FeatherlessProvider implements BalanceProvider {
    static final ProviderInfo INFO = new ProviderInfo(ProviderId.of("featherless"), "Featherless", List.of(),
            Set.of(Capability.BALANCE),
            List.of(new KeySlot(KeySlot.API, "FEATHERLESS_API_KEY",
                    "Featherless API key of an organization Admin (featherless.ai → account → API keys); other"
                            + " members' keys cannot read the credits")),
            List.of(Region.stating("https://api.featherless.ai", "USD")), List.of(),
            "https://featherless.ai/docs/api-reference-credits", null);

    @Override
    public ProviderInfo info() {
        return INFO;
    }

    @Override
    public BalanceSnapshot fetch(FetchContext ctx) throws FetchException {
        JsonNode root;
        try {
            root = ctx.getJson("/credits/balance", FetchContext.bearer(ctx.key(KeySlot.API)));
        } catch (FetchException e) {
            if (e.error() instanceof FetchError.Forbidden f) {
                throw new FetchException(f.withText(FetchPhrase.WITH_HINT.text(f.text(), FetchPhrase.HINT_FEATHERLESS_ADMIN.text())));
            }
            throw e;
        }
        return parse(root, ctx);
    }

    static BalanceSnapshot parse(JsonNode root, FetchContext ctx) throws FetchException {
        String where = "Featherless credits";
        Redactor r = ctx.redactor();
        Json.rootObject(root, where);
        JsonNode error = root.get("error");
        if (error != null && !error.isNull()) {
            String said = r.clean(error.isTextual() ? error.asText() : Json.optionalText(error, "message"));
            throw FetchException.badResponse(FetchPhrase.withSaid(FetchPhrase.ERROR_INSTEAD_OF_CREDITS.text(where, "Featherless"), said));
        }
        String currency = Json.optionalText(root, "currency");
        if (currency != null && !currency.strip().toUpperCase(Locale.ROOT).equals("USD")) {
            throw FetchException.badResponse(where + ": currency " + r.quote(currency)
                    + " does not match the amounts, which are named in USD");
        }
        BigDecimal available = amount(root, "available", where, r, true);
        amount(root, "balance", where, r, false);
        amount(root, "reserved", where, r, false);
        return new BalanceSnapshot(ctx.info().id(), ctx.clock().instant(), null,
                List.of(new CurrencyBalance("USD", available, null, null, false)), null, null);
    }

    /** {@code name_nano_usd} / 10^9 (or {@code name_usd}); {@code null} when optional and absent. */
    private static BigDecimal amount(JsonNode root, String name, String where, Redactor r, boolean required)
            throws FetchException {
        String nanoField = name + "_nano_usd";
        String usdField = name + "_usd";
        BigDecimal nano = Json.optionalMoney(root, nanoField, where, r);
        BigDecimal usd = Json.optionalMoney(root, usdField, where, r);
        if (nano == null && usd == null) {
            if (required) {
                throw FetchException.badResponse(where + ": field '" + nanoField + "' is missing (and '" + usdField
                        + "' too)");
            }
            return null;
        }
        BigDecimal value;
        if (nano != null) {
            if (nano.stripTrailingZeros().scale() > 0) {
                throw FetchException.badResponse(where + ": field '" + nanoField + "' is not a whole number of"
                        + " billionths: " + r.quote(nano.toPlainString()));
            }
            value = nano.movePointLeft(9);
            if (usd != null && usd.compareTo(value) != 0) {
                throw FetchException.badResponse(where + ": '" + nanoField + "' (" + nano.toPlainString() + ") and '"
                        + usdField + "' (" + usd.toPlainString() + ") disagree");
            }
        } else {
            value = usd;
        }
        value = value.stripTrailingZeros();
        return value.scale() < 2 ? value.setScale(2) : value;
    }
}
