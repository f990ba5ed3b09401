package dev.tally.provider;

import java.net.URI;

/**
 * Where and for whom to ask: the non-secret settings of one account.
 *
 * @param accountLabel label shown in messages (e.g. "DeepSeek (work)")
 * @param region       region id, or {@code null} for the provider's default
 * @param baseUrl      replaces the documented origin (see {@link BaseUrls}), or {@code null}
 * @param teamId       team id for providers that need one (xAI), or {@code null}
 */
public record ProviderTarget(String accountLabel, String region, URI baseUrl, String teamId) {
    public static ProviderTarget defaults(String label) {
        return new ProviderTarget(label, null, null, null);
    }
}
