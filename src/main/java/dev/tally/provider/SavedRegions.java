package dev.tally.provider;

import java.util.Map;

/**
 * How an account's region is kept in {@code accounts.json} where a provider's default region has changed. SiliconFlow
 * used to default to its China site; since SiliconFlow retired the China site's balance API the default is the
 * international site. An account saved without a region was therefore saved as a China account, and is read as one
 * explicitly ({@link #whenMissing}), so it says what happened to the China API instead of silently asking another site
 * with a key that site does not know. New accounts of such a provider are saved with their region written out
 * ({@link #toSave}), so they are never mistaken for old ones. Static and stateless; thread-safe.
 */
public final class SavedRegions {
    /** Provider id → the region its accounts had when saved without one. */
    private static final Map<String, String> BEFORE_DEFAULT_CHANGED = Map.of(
            SiliconFlowProvider.INFO.id().value(), Region.CHINA);
    /** Provider id → its region id today when none is chosen. */
    private static final Map<String, String> DEFAULT_NOW = Map.of(
            SiliconFlowProvider.INFO.id().value(), SiliconFlowProvider.INFO.defaultRegion().id());

    private SavedRegions() {
    }

    /**
     * The region of an account read from the file: {@code saved} when there is one, else the region an account of this
     * provider had when saved without one (SiliconFlow: {@code china}), else {@code null} (the provider's default).
     */
    public static String whenMissing(String providerId, String saved) {
        if (saved != null && !saved.isBlank()) {
            return saved;
        }
        return BEFORE_DEFAULT_CHANGED.get(providerId);
    }

    /**
     * The region to write for an account: {@code region} when it has one; for a provider whose default changed, the
     * default of today written out (SiliconFlow: {@code global}); else {@code null}.
     */
    public static String toSave(String providerId, String region) {
        if (region != null && !region.isBlank()) {
            return region;
        }
        return DEFAULT_NOW.get(providerId);
    }
}
