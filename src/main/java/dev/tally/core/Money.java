package dev.tally.core;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount in major units of an ISO 4217 currency (e.g. {@code 110.00 CNY}).
 *
 * <p>Amounts keep the scale the provider reported; {@link #plain()} never uses exponent notation.
 */
public record Money(BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        currency = Currencies.requireIso(currency);
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    /** The amount as an exact decimal string, as used in JSON ("110.00", "-0.5"). */
    public String plain() {
        return amount.toPlainString();
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public int compareAmount(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException(
                    "cannot combine " + currency + " with " + other.currency + ": currencies are never converted");
        }
    }

    /** Java's ISO currency, e.g. for the symbol. */
    public Currency javaCurrency() {
        return Currency.getInstance(currency);
    }

    @Override
    public String toString() {
        return plain() + " " + currency;
    }
}
