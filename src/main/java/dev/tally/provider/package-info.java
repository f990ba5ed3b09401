/**
 * Asking providers what is left: the {@link dev.tally.provider.BalanceProvider} contract, the
 * {@link dev.tally.provider.ProviderCatalog} of every known provider (supported or not, with the
 * reason), the one HTTP path all of them use ({@link dev.tally.provider.HttpFetch}), and one class per
 * provider that turns its documented response into exact {@link dev.tally.core} values.
 *
 * <p>Providers are stateless and do one request (or a documented pair, or the documented pages of one report). They never read the
 * environment, the keychain or files: keys and settings arrive in the {@link dev.tally.provider.FetchContext}.
 * Must not import JavaFX, AWT, SQL or the {@code account}, {@code secret}, {@code poll} packages.
 */
package dev.tally.provider;
