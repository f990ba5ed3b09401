package dev.tally.provider;

import java.net.URI;

/**
 * Where and for whom to ask: the non-secret settings of one account.
 *
 * @param accountLabel label shown in messages (e.g. "DeepSeek (work)")
 * @param region       region id, or {@code null} for the provider's default
 * @param baseUrl      replaces the documented origin (see {@link BaseUrls}), or {@code null}
 * @param teamId       team id for providers that need one (xAI), or {@code null}
 * @param accountId    the configured account's id, or {@code null} when a provider is used ad hoc (advice in
 *                     messages then names command-line options instead of {@code tally accounts edit ID})
 */
public record ProviderTarget(String accountLabel, String region, URI baseUrl, String teamId, String accountId) {
    /** Ad hoc: no configured account behind it. */
    public ProviderTarget(String accountLabel, String region, URI baseUrl, String teamId) {
        this(accountLabel, region, baseUrl, teamId, null);
    }

    public static ProviderTarget defaults(String label) {
        return new ProviderTarget(label, null, null, null);
    }

    public ProviderTarget withTeamId(String id) {
        return new ProviderTarget(accountLabel, region, baseUrl, id, accountId);
    }
}
