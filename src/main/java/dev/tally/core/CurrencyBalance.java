package dev.tally.core;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What an account holds in one currency.
 *
 * @param currency        ISO 4217 code
 * @param total           what can be spent now, in major units; may be negative (arrears)
 * @param granted         promotional / voucher part, or {@code null} when the provider does not split it
 * @param paid            topped-up (cash) part, or {@code null} when the provider does not split it
 * @param currencyAssumed true when the provider does not state the currency and it was derived from
 *                        the region or host
 * @param creditLimit     how far the account may go below zero on credit (Novita's {@code creditLimit}), or
 *                        {@code null} when the provider does not report one; part of {@code total} where the
 *                        provider counts it there
 */
public record CurrencyBalance(String currency, BigDecimal total, BigDecimal granted, BigDecimal paid,
                              boolean currencyAssumed, BigDecimal creditLimit) {

    /** A balance without a reported credit limit. */
    public CurrencyBalance(String currency, BigDecimal total, BigDecimal granted, BigDecimal paid, boolean currencyAssumed) {
        this(currency, total, granted, paid, currencyAssumed, null);
    }

    public CurrencyBalance {
        currency = Currencies.requireIso(currency);
        Objects.requireNonNull(total, "total");
    }

    public static CurrencyBalance of(String currency, BigDecimal total) {
        return new CurrencyBalance(currency, total, null, null, false);
    }

    public Money totalMoney() {
        return new Money(total, currency);
    }
}
