package dev.tally.ui.settings;

import dev.tally.account.Account;
import dev.tally.provider.KeySlot;
import dev.tally.provider.ProviderInfo;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * "Key from: Keychain / Environment / Command" for the account's primary key: where Tally takes it from. A command
 * (a password manager's, e.g. {@code op read …}) is stored as its argument list in {@code accounts.json} — it is not
 * a secret, the key it prints is — and run without a shell; the lookup order is the command (when set), the keychain,
 * the environment. Other key slots (a management key beside the API key) keep using the keychain or the environment.
 *
 * <p>Properties belong to the UI thread; nothing here blocks.
 */
public final class KeySourceViewModel {
    /** Where the primary key comes from. */
    public enum Source {
        KEYCHAIN(SettingsPhrase.KEY_FROM_KEYCHAIN), ENVIRONMENT(SettingsPhrase.KEY_FROM_ENVIRONMENT),
        COMMAND(SettingsPhrase.KEY_FROM_COMMAND);

        private final SettingsPhrase label;

        Source(SettingsPhrase label) {
            this.label = label;
        }

        /** The choice as the combo box shows it, in the current language. */
        @Override
        public String toString() {
            return label.say();
        }
    }

    /** A password manager's command, to be completed with the user's own item name. */
    public record Preset(String name, Function<ProviderInfo, List<String>> command) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The presets, in the order the menu shows them. */
    public static final List<Preset> PRESETS = List.of(
            new Preset("1Password (op read)", i -> List.of("op", "read", "op://Private/" + i.displayName() + "/credential")),
            new Preset("pass (pass show)", i -> List.of("pass", "show", "api/" + i.id().value())),
            new Preset("Bitwarden (bw get password)", i -> List.of("bw", "get", "password", i.displayName() + " API key")),
            new Preset("Secret Service (secret-tool lookup)",
                    i -> List.of("secret-tool", "lookup", "service", i.id().value(), "account", "api-key")));

    private final ObjectProperty<Source> source = new SimpleObjectProperty<>(this, "source", Source.KEYCHAIN);
    private final StringProperty command = new SimpleStringProperty(this, "command", "");
    private final ObjectProperty<ProviderInfo> provider = new SimpleObjectProperty<>(this, "provider");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");

    /** @param envSet whether an environment variable is set where Tally runs (a cheap lookup) */
    KeySourceViewModel(Predicate<String> envSet) {
        error.bind(Bindings.createStringBinding(this::problem, source, command));
        note.bind(Bindings.createStringBinding(() -> {
            Optional<KeySlot> slot = primary();
            if (slot.isEmpty()) {
                return "";
            }
            String env = slot.get().envVar();
            return switch (source.get()) {
                case KEYCHAIN -> SettingsPhrase.NOTE_KEYCHAIN.say(env);
                case ENVIRONMENT -> env == null || env.isBlank() ? SettingsPhrase.NOTE_NO_VARIABLE.say()
                        : envSet.test(env) ? SettingsPhrase.NOTE_VARIABLE_SET.say(env)
                        : SettingsPhrase.NOTE_VARIABLE_NOT_SET.say(env);
                case COMMAND -> SettingsPhrase.NOTE_COMMAND.say();
            };
        }, source, provider));
    }

    /** Follows the form's provider (for the presets and the environment variable's name). */
    void follow(Optional<ProviderInfo> info) {
        provider.set(info.orElse(null));
    }

    /** Shows what {@code a} uses: its primary slot's command, else the keychain. */
    void show(Account a, Optional<ProviderInfo> info) {
        follow(info);
        List<String> argv = primary().map(s -> a.keyCommands().get(s.name())).orElse(null);
        command.set(argv == null ? "" : CommandWords.join(argv));
        source.set(argv == null ? Source.KEYCHAIN : Source.COMMAND);
    }

    /** A new account: the keychain. */
    void clear() {
        command.set("");
        source.set(Source.KEYCHAIN);
    }

    /** Puts a preset's command in the field (to be completed with the user's own item) and picks Command. */
    public void usePreset(Preset p) {
        ProviderInfo i = provider.get();
        if (p == null || i == null) {
            return;
        }
        source.set(Source.COMMAND);
        command.set(CommandWords.join(p.command().apply(i)));
    }

    /** The argument list to store for the primary slot, or empty (no command). Only for a valid form. */
    Optional<List<String>> argv() {
        if (source.get() != Source.COMMAND) {
            return Optional.empty();
        }
        return CommandWords.split(command.get()).filter(w -> !w.isEmpty());
    }

    /** Whether a typed primary key is to be saved (only when the key comes from the keychain). */
    boolean keychainKey() {
        return source.get() == Source.KEYCHAIN;
    }

    /** The primary key slot's name, when a provider is chosen. */
    Optional<String> primarySlot() {
        return primary().map(KeySlot::name);
    }

    private Optional<KeySlot> primary() {
        ProviderInfo i = provider.get();
        return i == null || i.keySlots().isEmpty() ? Optional.empty() : Optional.of(i.keySlots().getFirst());
    }

    private String problem() {
        if (source.get() != Source.COMMAND) {
            return "";
        }
        String line = command.get() == null ? "" : command.get();
        if (line.isBlank()) {
            return SettingsPhrase.COMMAND_MISSING.say();
        }
        Optional<List<String>> words = CommandWords.split(line);
        if (words.isEmpty()) {
            return SettingsPhrase.COMMAND_QUOTE.say();
        }
        return Account.keyCommandProblem(words.get()).map(SettingsPhrase.COMMAND_PROBLEM::say).orElse("");
    }

    public ObjectProperty<Source> sourceProperty() {
        return source;
    }

    /** The command as one line, split like a shell would (without running one). */
    public StringProperty commandProperty() {
        return command;
    }

    /** Why the command cannot be saved, or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What the chosen source means for this provider, in one sentence. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }
}
