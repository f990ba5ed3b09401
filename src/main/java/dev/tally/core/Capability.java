package dev.tally.core;

/** What a provider can tell about an account. */
public enum Capability {
    /** The money left on the account (prepaid balance). */
    BALANCE,
    /** A per-key spending cap and what is left under it. */
    KEY_LIMIT,
    /** Provider-reported spend for a period (no balance). */
    SPEND
}
