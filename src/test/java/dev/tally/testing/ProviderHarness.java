package dev.tally.testing;

import dev.tally.core.BalanceSnapshot;
import dev.tally.core.FetchError;
import dev.tally.core.FetchException;
import dev.tally.core.Secret;
import dev.tally.provider.BalanceProvider;
import dev.tally.provider.Credentials;
import dev.tally.provider.FetchContext;
import dev.tally.provider.HttpFetch;
import dev.tally.provider.ProviderTarget;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Runs a real provider against a {@link FakeProviderServer} over real sockets.
 * The fixed clock makes {@code fetchedAt} and month-to-date periods deterministic.
 */
public final class ProviderHarness {
    public static final Instant NOW = Instant.parse("2026-11-22T05:00:00Z");
    /** A key that must never appear in any output, message, log or file. */
    public static final String CANARY = "sk-CANARY-7f3a9c1e5b2d4f60a8e1c3b5d7f9a2c4";

    private final BalanceProvider provider;
    private final FakeProviderServer server;
    private final HttpFetch http;
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    public ProviderHarness(BalanceProvider provider, FakeProviderServer server) {
        this.provider = provider;
        this.server = server;
        this.http = new HttpFetch("test", HttpFetch.CONNECT_TIMEOUT, java.time.Duration.ofSeconds(3),
                HttpFetch.MAX_BODY_BYTES, clock);
    }

    public Clock clock() {
        return clock;
    }

    /** Fetch with the canary key in the provider's first slot. */
    public BalanceSnapshot fetch() throws FetchException {
        return fetch(null, null, Map.of(provider.info().keySlots().getFirst().name(), CANARY));
    }

    public BalanceSnapshot fetch(String region, String teamId, Map<String, String> keys) throws FetchException {
        return fetchWith(region, teamId == null ? Map.of() : Map.of(dev.tally.provider.XaiProvider.TEAM_ID.id(), teamId),
                keys);
    }

    /** Fetch with the canary key, asking for the spend since {@code spendSince} (a known top-up). */
    public BalanceSnapshot fetchSince(Instant spendSince) throws FetchException {
        return fetch(Map.of(), Map.of(provider.info().keySlots().getFirst().name(), CANARY), spendSince, null);
    }

    /** Fetch with the given provider-declared account fields (field id to value) and keys (slot to key). */
    public BalanceSnapshot fetchWith(String region, Map<String, String> fields, Map<String, String> keys)
            throws FetchException {
        return fetch(fields, keys, null, region);
    }

    private BalanceSnapshot fetch(Map<String, String> fields, Map<String, String> keys, Instant spendSince,
                                  String region)
            throws FetchException {
        Map<String, Secret> secrets = new java.util.LinkedHashMap<>();
        keys.forEach((slot, key) -> secrets.put(slot, Secret.of(key)));
        FetchContext ctx = new FetchContext(provider.info(),
                new ProviderTarget(provider.info().displayName(), region, server.baseUrl(), fields, null, spendSince),
                Credentials.of(secrets), http, clock);
        return provider.fetch(ctx);
    }

    /** {@link #fetchSince} expecting a failure; returns the typed error (the canary is checked as in {@link #fail()}). */
    public FetchError failSince(Instant spendSince) {
        try {
            BalanceSnapshot s = fetchSince(spendSince);
            throw new AssertionError("expected the fetch to fail, got " + s);
        } catch (FetchException e) {
            if (e.getMessage().contains("CANARY")) {
                throw new AssertionError("the key leaked into the error message: " + e.getMessage());
            }
            return e.error();
        }
    }

    /** Fetch expecting a failure; returns the typed error and checks the canary is not in its message. */
    public FetchError fail() {
        return fail(null, null, Map.of(provider.info().keySlots().getFirst().name(), CANARY));
    }

    public FetchError fail(String region, String teamId, Map<String, String> keys) {
        try {
            BalanceSnapshot s = fetch(region, teamId, keys);
            throw new AssertionError("expected the fetch to fail, got " + s);
        } catch (FetchException e) {
            if (e.getMessage().contains(CANARY) || e.getMessage().contains("CANARY")) {
                throw new AssertionError("the key leaked into the error message: " + e.getMessage());
            }
            return e.error();
        }
    }
}
