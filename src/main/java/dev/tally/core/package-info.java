/**
 * Plain immutable domain values: exact money, balances, spend, key limits, typed fetch errors.
 *
 * <p>Owns the vocabulary every other package speaks. Imports nothing but {@code java.*}; never
 * JavaFX, AWT, HTTP, JSON or SQL. Money is always {@link java.math.BigDecimal} plus an ISO 4217
 * code: nothing here ever goes through {@code double}.
 */
package dev.tally.core;
