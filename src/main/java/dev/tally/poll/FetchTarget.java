package dev.tally.poll;

import dev.tally.account.Account;
import dev.tally.provider.ProviderInfo;
import dev.tally.provider.ProviderTarget;

import java.util.Objects;

/**
 * One thing to ask about: a configured account, or a provider used ad hoc with keys from the environment.
 *
 * @param id        account id, or the provider id for ad-hoc use
 * @param info      the provider
 * @param label     what people see
 * @param target    region / base URL / provider fields
 * @param accountId the configured account's id, or {@code null} for ad-hoc use (keys then come from env only)
 * @param account   the configured account, or {@code null}
 */
public record FetchTarget(String id, ProviderInfo info, String label, ProviderTarget target, String accountId,
                          Account account) {
    public FetchTarget {
        Objects.requireNonNull(id);
        Objects.requireNonNull(info);
        Objects.requireNonNull(label);
        Objects.requireNonNull(target);
    }

    public static FetchTarget of(Account a, ProviderInfo info) {
        return new FetchTarget(a.id(), info, a.label(),
                new ProviderTarget(a.label(), a.region(), a.baseUrl(), a.fields(), a.id(),
                        a.topUp() == null ? null : a.topUp().at()), a.id(), a);
    }

    public static FetchTarget adHoc(ProviderInfo info, ProviderTarget target) {
        return new FetchTarget(info.id().value(), info, info.displayName(), target, null, null);
    }
}
