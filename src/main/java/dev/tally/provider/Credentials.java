package dev.tally.provider;

import dev.tally.core.Secret;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The keys available for one fetch, by {@link KeySlot} name. {@link #toString()} shows slot names only. */
public final class Credentials {
    private final Map<String, Secret> bySlot;

    private Credentials(Map<String, Secret> bySlot) {
        this.bySlot = Map.copyOf(bySlot);
    }

    public static Credentials none() {
        return new Credentials(Map.of());
    }

    public static Credentials of(String slot, Secret key) {
        return new Credentials(Map.of(slot, key));
    }

    public static Credentials of(Map<String, Secret> keys) {
        return new Credentials(new LinkedHashMap<>(keys));
    }

    public Optional<Secret> get(String slot) {
        return Optional.ofNullable(bySlot.get(slot));
    }

    public boolean isEmpty() {
        return bySlot.isEmpty();
    }

    public Collection<Secret> all() {
        return bySlot.values();
    }

    @Override
    public String toString() {
        return "Credentials" + bySlot.keySet();
    }
}
