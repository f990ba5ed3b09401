package dev.tally.provider;

import dev.tally.core.Capability;
import dev.tally.core.ProviderId;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What Tally knows about a provider, whether or not its balance can be checked.
 *
 * @param id                stable id used in config and on the command line
 * @param displayName       e.g. "DeepSeek"
 * @param aliases           other names accepted on the command line (e.g. {@code kimi})
 * @param capabilities      what a fetch reports; empty when unsupported
 * @param keySlots          keys it can use, in order of preference; the first is the primary one
 * @param regions           documented hosts, the first being the default; empty when unsupported
 * @param fields            settings an account needs besides its keys (e.g. xAI's team id), in form order; usually none
 * @param docsUrl           the provider's own documentation of the endpoint (or of the lack of one)
 * @param unsupportedReason why the balance cannot be checked, or {@code null} when it can
 */
public record ProviderInfo(ProviderId id, String displayName, List<String> aliases, Set<Capability> capabilities,
                           List<KeySlot> keySlots, List<Region> regions, List<AccountField> fields, String docsUrl,
                           String unsupportedReason) {

    public ProviderInfo {
        aliases = List.copyOf(aliases);
        capabilities = Set.copyOf(capabilities);
        keySlots = List.copyOf(keySlots);
        regions = List.copyOf(regions);
        fields = List.copyOf(fields);
        if (fields.stream().map(AccountField::id).distinct().count() != fields.size()) {
            throw new IllegalArgumentException(displayName + " declares a field twice");
        }
    }

    public boolean supported() {
        return unsupportedReason == null;
    }

    /** Whether a fetch reports money left (a balance or a key's cap), i.e. whether a low-balance alert can fire. */
    public boolean reportsBalance() {
        return capabilities.contains(Capability.BALANCE) || capabilities.contains(Capability.KEY_LIMIT);
    }

    /**
     * The currencies a balance can be in for this region ({@code null}: the default one): one when the region
     * fixes it, several when the answer states it per row (DeepSeek: CNY, USD); empty for spend-only and unsupported
     * providers, whose alerts could never fire.
     */
    public List<String> balanceCurrencies(String regionId) {
        if (!reportsBalance()) {
            return List.of();
        }
        return region(regionId).map(Region::currencies).orElse(List.of());
    }

    /** The field called {@code id}, if this provider declares one. */
    public Optional<AccountField> field(String id) {
        return fields.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /** Whether a balance cannot be fetched without some field (e.g. xAI's team id) besides the keys. */
    public boolean hasRequiredFields() {
        return fields.stream().anyMatch(AccountField::required);
    }

    public Region defaultRegion() {
        if (regions.isEmpty()) {
            throw new IllegalStateException(displayName + " has no API host");
        }
        return regions.getFirst();
    }

    public Optional<Region> region(String regionId) {
        if (regionId == null || regionId.isBlank()) {
            return regions.isEmpty() ? Optional.empty() : Optional.of(defaultRegion());
        }
        return regions.stream().filter(r -> r.id().equals(regionId)).findFirst();
    }

    public Optional<KeySlot> slot(String name) {
        return keySlots.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Region ids a user may choose, e.g. {@code [global, china]}; empty for single-host providers. */
    public List<String> selectableRegions() {
        return regions.size() < 2 ? List.of() : regions.stream().map(Region::id).toList();
    }
}
