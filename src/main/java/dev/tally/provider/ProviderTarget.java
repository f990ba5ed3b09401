package dev.tally.provider;

import java.net.URI;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where and for whom to ask: the non-secret settings of one account.
 *
 * @param accountLabel label shown in messages (e.g. "DeepSeek (work)")
 * @param region       region id, or {@code null} for the provider's default
 * @param baseUrl      replaces the documented origin (see {@link BaseUrls}), or {@code null}
 * @param fields       values of the provider's {@link AccountField fields} by field id (never blank); empty when none
 * @param accountId    the configured account's id, or {@code null} when a provider is used ad hoc (advice in
 *                     messages then names command-line options instead of {@code tally accounts edit ID})
 * @param spendSince   the instant of the account's known top-up: a provider that reports spend also reports the spend
 *                     since then ({@link dev.tally.core.SpendSince}); {@code null} when there is none
 */
public record ProviderTarget(String accountLabel, String region, URI baseUrl, Map<String, String> fields,
                             String accountId, java.time.Instant spendSince) {
    public ProviderTarget {
        TreeMap<String, String> kept = new TreeMap<>();
        if (fields != null) {
            fields.forEach((k, v) -> {
                if (v != null && !v.isBlank()) {
                    kept.put(k, v.strip());
                }
            });
        }
        fields = java.util.Collections.unmodifiableMap(kept);
    }

    /** No known top-up. */
    public ProviderTarget(String accountLabel, String region, URI baseUrl, Map<String, String> fields,
                          String accountId) {
        this(accountLabel, region, baseUrl, fields, accountId, null);
    }

    /** Ad hoc: no configured account behind it. */
    public ProviderTarget(String accountLabel, String region, URI baseUrl, Map<String, String> fields) {
        this(accountLabel, region, baseUrl, fields, null);
    }

    public static ProviderTarget defaults(String label) {
        return new ProviderTarget(label, null, null, Map.of());
    }

    /** The value of the field {@code id}, or {@code null} when it is not set. */
    public String field(String id) {
        return fields.get(id);
    }

    /** The same target with the field {@code id} set to {@code value} ({@code null} or blank: unset). */
    public ProviderTarget withField(String id, String value) {
        Map<String, String> copy = new TreeMap<>(fields);
        copy.put(id, value);
        return new ProviderTarget(accountLabel, region, baseUrl, copy, accountId, spendSince);
    }
}
