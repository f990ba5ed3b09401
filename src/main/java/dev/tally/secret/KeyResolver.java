package dev.tally.secret;

import dev.tally.core.Secret;
import dev.tally.provider.Credentials;
import dev.tally.provider.KeySlot;
import dev.tally.provider.ProviderInfo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Finds the keys for an account, for each key slot in this order: the account's key command for that slot when
 * one is set ({@link KeyCommands}: what the command prints, kept in memory for a while), then the OS keychain
 * (service {@code Tally}, account = account id for the primary slot, {@code <id>/<slot>} for further slots), then
 * the provider's environment variable. A slot with a key command takes its key only from the command: when the
 * command fails, that is the answer ({@link Source#COMMAND_FAILED}), not a different key from elsewhere.
 * Blocking (the keychain may be slow, a key command may wait for its password manager): never call on a UI thread.
 */
public final class KeyResolver {
    /** Where a key came from. */
    public enum Source {
        KEYCHAIN("keychain"), ENV("env"),
        /** Printed by the account's key command. */
        COMMAND("command"),
        /** The account's key command is set but gave no key ({@link Found#problem()} says why). */
        COMMAND_FAILED("command failed"),
        /** Not in the environment, and the keychain (which may hold it) is locked or unreachable right now. */
        KEYCHAIN_UNREADABLE("unknown — keychain not readable"),
        MISSING("missing");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * A key found (or not) for one slot; {@code envVar} names the variable it came from or would come from.
     *
     * @param problem why the key command gave no key (never the command's output), or {@code null}
     */
    public record Found(KeySlot slot, Source source, Optional<Secret> key, String problem) {
        public Found(KeySlot slot, Source source, Optional<Secret> key) {
            this(slot, source, key, null);
        }
    }

    private static final System.Logger LOG = System.getLogger(KeyResolver.class.getName());

    private final Map<String, String> env;
    private final Supplier<SecretStore> keychain;
    private final KeyCommands commands;

    /** Environment only (no keychain): for tests and ad-hoc use. */
    public KeyResolver(Map<String, String> env) {
        this(env, () -> new UnavailableSecretStore("no keychain in use"));
    }

    /** @param keychain asked for only when an account's key is looked up (opening it probes the keychain) */
    public KeyResolver(Map<String, String> env, Supplier<SecretStore> keychain) {
        this(env, keychain, KeyCommands.none());
    }

    /** @param commands the accounts' key commands, asked first for each slot that has one */
    public KeyResolver(Map<String, String> env, Supplier<SecretStore> keychain, KeyCommands commands) {
        this.env = Map.copyOf(env);
        this.keychain = keychain;
        this.commands = java.util.Objects.requireNonNull(commands, "commands");
    }

    /**
     * Drops the keys the account's key commands printed, so the next lookup runs them again (after the provider
     * refused a key). @return true when there was such a key, i.e. asking again may help
     */
    public boolean forgetCommandKeys(String accountId) {
        return commands.forget(accountId);
    }

    /**
     * Why the account's key command gave no key, if one of its slots has a command that failed. Uses what the last
     * lookup found (a failure is kept for a minute), so it is cheap right after {@link #find}.
     */
    public Optional<KeyCommandRunner.Failed> commandFailure(ProviderInfo info, String accountId) {
        if (accountId == null) {
            return Optional.empty();
        }
        for (KeySlot slot : info.keySlots()) {
            java.util.List<String> argv = commands.commandFor(accountId, slot.name());
            if (argv != null && commands.lookup(accountId, slot.name(), argv) instanceof KeyCommandRunner.Failed f) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Why the keychain cannot be used right now, or empty when it can. Opens the keychain if needed. */
    public Optional<String> keychainProblem() {
        StoreStatus st = keychain.get().status();
        return st.isAvailable() ? Optional.empty()
                : Optional.of(KeychainPhrase.KEYCHAIN_IS.say(st.stateWords(), st.reason()));
    }

    /** What the keychain can do right now. Opens the keychain if needed (blocking for its probe). */
    public StoreStatus keychainStatus() {
        return keychain.get().status();
    }

    /** The keychain entry name for a slot of an account. */
    public static String entryName(String accountId, ProviderInfo info, KeySlot slot) {
        return info.keySlots().indexOf(slot) == 0 ? accountId : accountId + "/" + slot.name();
    }

    /** Every slot of the provider with where its key comes from. {@code accountId} is null for ad-hoc use. */
    public Map<String, Found> find(ProviderInfo info, String accountId) {
        Map<String, Found> out = new LinkedHashMap<>();
        Map<String, java.util.List<String>> slotCommands = new java.util.HashMap<>();
        if (accountId != null) {
            for (KeySlot slot : info.keySlots()) {
                java.util.List<String> argv = commands.commandFor(accountId, slot.name());
                if (argv != null) {
                    slotCommands.put(slot.name(), argv);
                }
            }
        }
        SecretStore store = accountId == null || slotCommands.size() == info.keySlots().size() ? null : keychain.get();
        for (KeySlot slot : info.keySlots()) {
            java.util.List<String> argv = slotCommands.get(slot.name());
            if (argv != null) {
                out.put(slot.name(), switch (commands.lookup(accountId, slot.name(), argv)) {
                    case KeyCommandRunner.Printed p -> new Found(slot, Source.COMMAND, Optional.of(p.key()));
                    case KeyCommandRunner.Failed f -> new Found(slot, Source.COMMAND_FAILED, Optional.empty(), f.message());
                });
                continue;
            }
            Found found = null;
            boolean unreadable = false;
            if (store != null && store.status().isAvailable()) {
                try {
                    Optional<Secret> k = store.read(entryName(accountId, info, slot));
                    if (k.isPresent()) {
                        found = new Found(slot, Source.KEYCHAIN, k);
                    }
                } catch (SecretStoreException e) {
                    unreadable = true;
                    LOG.log(System.Logger.Level.WARNING, "keychain read for {0} failed: {1}", accountId, e.getMessage());
                }
            } else if (store != null) {
                // a locked or silent keychain may well hold the key: never call it "missing"
                unreadable = store.status().isTemporarilyUnreadable();
            }
            if (found == null) {
                found = fromEnv(slot);
                if (found.source() == Source.MISSING && unreadable) {
                    found = new Found(slot, Source.KEYCHAIN_UNREADABLE, Optional.empty());
                }
            }
            out.put(slot.name(), found);
        }
        return out;
    }

    public Credentials credentials(ProviderInfo info, String accountId) {
        return credentials(find(info, accountId));
    }

    /** The keys among what {@link #find} found. */
    public static Credentials credentials(Map<String, Found> found) {
        Map<String, Secret> keys = new LinkedHashMap<>();
        found.forEach((slot, f) -> f.key().ifPresent(k -> keys.put(slot, k)));
        return Credentials.of(keys);
    }

    /** True when at least one of the provider's key variables is set (used to pick providers when no account exists). */
    public boolean hasEnvKey(ProviderInfo info) {
        return info.keySlots().stream().anyMatch(s -> fromEnv(s).key().isPresent());
    }

    public Optional<String> env(String name) {
        String v = name == null ? null : env.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    private Found fromEnv(KeySlot slot) {
        Optional<String> v = env(slot.envVar());
        if (v.isEmpty()) {
            return new Found(slot, Source.MISSING, Optional.empty());
        }
        try {
            return new Found(slot, Source.ENV, Optional.of(Secret.of(v.get())));
        } catch (IllegalArgumentException e) {
            return new Found(slot, Source.MISSING, Optional.empty());
        }
    }
}
