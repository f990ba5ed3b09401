package dev.tally.provider;

import dev.tally.core.BalanceSnapshot;
import dev.tally.core.FetchException;

/**
 * Asks one provider what is left on an account.
 *
 * <p>Contract: stateless and thread-safe; blocks the calling thread for at most the HTTP timeouts of
 * the one request (or documented pair) it makes; never call it on a UI thread. Returns a snapshot with
 * exact amounts, or throws a {@link FetchException} whose error says precisely what went wrong. Missing
 * or unparseable data is a {@code bad_response}, never a zero.
 */
public interface BalanceProvider {

    ProviderInfo info();

    BalanceSnapshot fetch(FetchContext context) throws FetchException;
}
