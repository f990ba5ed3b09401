/**
 * Balances for Prometheus: {@link dev.tally.metrics.PrometheusText} writes the text exposition format (exact
 * decimals, bounded label values: account ids as configured, provider ids from the catalog, ISO 4217 currency
 * codes, the contract's status names; never a key); {@link dev.tally.metrics.AccountMetrics} gathers what it
 * shows, from the running engine or from the history; {@link dev.tally.metrics.MetricsServer} serves it at
 * {@code /metrics} with the JDK's HTTP server ({@code com.sun.net.httpserver}, confined to this room), on loopback
 * unless another address is asked for, optionally behind a bearer token.
 *
 * <p>Uses {@code core}, {@code account}, {@code poll} and {@code history}; front ends ({@code cli}) start it.
 */
package dev.tally.metrics;
