package dev.tally.engine;

import dev.tally.provider.KeySlot;
import dev.tally.provider.ProviderCatalog;
import dev.tally.provider.ProviderInfo;

import java.util.Map;
import java.util.Optional;

/**
 * Checks of a provider with a key from the environment and no account ({@code tally balance deepseek}): their
 * history is kept under the provider id, and this says which ids those are and how they are labelled. Immutable.
 */
public final class AdHocChecks {
    private final ProviderCatalog catalog;
    private final Map<String, String> env;

    public AdHocChecks(ProviderCatalog catalog, Map<String, String> env) {
        this.catalog = catalog;
        this.env = Map.copyOf(env);
    }

    /**
     * The provider whose ad-hoc checks are stored under {@code historyId}, when that id is a provider id (exactly,
     * not an alias); whether something is stored under it is the history's to say.
     */
    public Optional<ProviderInfo> provider(String historyId) {
        return catalog.find(historyId).filter(i -> i.id().value().equals(historyId));
    }

    /** How the history of an ad-hoc check is labelled: "DeepSeek (from DEEPSEEK_API_KEY)". */
    public String label(ProviderInfo info) {
        return info.displayName() + " (from " + keyVariable(info) + ")";
    }

    /**
     * The environment variable an ad-hoc provider's key comes from, for labels such as "DeepSeek (from
     * DEEPSEEK_API_KEY)": the first of its key variables that is set, else the first one.
     */
    public String keyVariable(ProviderInfo info) {
        return info.keySlots().stream().map(KeySlot::envVar).filter(v -> v != null && env.get(v) != null
                && !env.get(v).isBlank()).findFirst()
                .orElse(info.keySlots().isEmpty() ? "its key variable" : info.keySlots().getFirst().envVar());
    }
}
