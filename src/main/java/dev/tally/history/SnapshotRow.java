package dev.tally.history;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One stored raw snapshot of one currency of one account.
 *
 * @param total     the balance, or {@code null} when the fetch carried no balance in this currency
 * @param granted   promotional part, or {@code null}
 * @param paid      topped-up part, or {@code null}
 * @param available what the provider said about the account being usable, or {@code null}
 * @param usage     provider-reported cumulative usage in this currency (the key limit's usage), or
 *                  {@code null}
 * @param source    who fetched it, e.g. {@value HistoryStore#SOURCE_POLL} or {@value HistoryStore#SOURCE_CLI}
 */
public record SnapshotRow(String accountId, String currency, Instant at, BigDecimal total, BigDecimal granted,
                          BigDecimal paid, Boolean available, BigDecimal usage, String source) {
    public SnapshotRow {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(at, "at");
    }
}
