package dev.tally.alert;

/**
 * Told what the alert rules raised for one check of an account (alert hooks listen here). Only called when something
 * was raised.
 *
 * <p><b>Thread contract:</b> called on an engine thread (a fetch thread), possibly from several at once; must
 * return quickly (hand slow work such as running a program to an executor of its own) and must not throw.
 */
@FunctionalInterface
public interface RaisedListener {
    /**
     * @param provider the account's provider id, e.g. {@code deepseek}
     * @param result   the alerts and transitions of this check; at least one of them is not empty
     */
    void raised(String provider, AlertRules.Result result);

    /** Listens to nothing. */
    RaisedListener NONE = (provider, result) -> { };
}
