/**
 * What is left where the provider will not say: {@link dev.tally.estimate.EstimatedBalance}, a known top-up (stated
 * by the person, {@link dev.tally.core.KnownTopUp}) minus the spend the provider itself reports since then
 * ({@link dev.tally.core.SpendSince}). Pure (no I/O, no clock, no words: {@code dev.tally.status} says everything
 * about it); exact {@link java.math.BigDecimal}; currencies never mixed or converted. Uses only {@code core}.
 */
package dev.tally.estimate;
