package dev.tally.core;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Everything one successful fetch learned about an account. Immutable.
 *
 * @param provider  who answered
 * @param fetchedAt when the answer arrived (UTC)
 * @param available whether the provider says the account can make API calls, or {@code null} when it
 *                  does not say
 * @param balances  one entry per currency, in a stable order (by currency code); never converted or summed
 * @param spend     provider-reported spend, or {@code null}
 * @param keyLimit  per-key cap, or {@code null}
 * @param problem   what could not be fetched when only part of the answer arrived, or {@code null} for a
 *                  complete answer. Only a provider that asks twice with two keys has parts (OpenRouter: the
 *                  management key's credits and the ordinary key's limit): when one key fails and the other works,
 *                  the good part is kept and this says which key failed and why. Never contains a key.
 * @param caveats   what the user should know about these amounts where they are shown (xAI's posted ledger, an
 *                  OpenRouter key's expiry); usually none. Not kept in the history.
 */
public record BalanceSnapshot(ProviderId provider, Instant fetchedAt, Boolean available,
                              List<CurrencyBalance> balances, SpendReport spend, KeyLimit keyLimit, FetchError problem,
                              List<Caveat> caveats) {

    /** An answer without caveats, complete or (with a {@code problem}) partial. */
    public BalanceSnapshot(ProviderId provider, Instant fetchedAt, Boolean available,
                           List<CurrencyBalance> balances, SpendReport spend, KeyLimit keyLimit, FetchError problem) {
        this(provider, fetchedAt, available, balances, spend, keyLimit, problem, List.of());
    }

    /** A complete answer. */
    public BalanceSnapshot(ProviderId provider, Instant fetchedAt, Boolean available,
                           List<CurrencyBalance> balances, SpendReport spend, KeyLimit keyLimit) {
        this(provider, fetchedAt, available, balances, spend, keyLimit, null);
    }

    public BalanceSnapshot {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        balances = balances == null ? List.of()
                : balances.stream().sorted(Comparator.comparing(CurrencyBalance::currency)).toList();
        long distinct = balances.stream().map(CurrencyBalance::currency).distinct().count();
        if (distinct != balances.size()) {
            throw new IllegalArgumentException("one balance per currency: " + balances);
        }
        caveats = caveats == null ? List.of() : List.copyOf(caveats);
        if (balances.isEmpty() && spend == null && keyLimit == null) {
            throw new IllegalArgumentException("a snapshot must carry a balance, a spend report or a key limit");
        }
    }

    /** True when part of the answer is missing ({@link #problem()} says which and why). */
    public boolean partial() {
        return problem != null;
    }
}
