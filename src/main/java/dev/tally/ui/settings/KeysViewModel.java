package dev.tally.ui.settings;

import dev.tally.account.Account;
import dev.tally.core.Secret;
import dev.tally.provider.KeySlot;
import dev.tally.provider.ProviderInfo;
import dev.tally.secret.KeyResolver;
import dev.tally.secret.SecretStore;
import dev.tally.secret.SecretStoreException;
import dev.tally.secret.StoreStatus;
import dev.tally.ui.settings.AccountFormViewModel.Mode;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.tally.ui.settings.KeychainViewModel.state;

/**
 * The account form's keys: one {@link KeyFieldViewModel} per key slot of the chosen provider, what each field says
 * about where its key is (the keychain is asked in the background), and where the keys of the account in the form
 * are, for the remove confirmation. Properties and commands belong to the UI thread.
 */
public final class KeysViewModel {
    /** Where the keys of the account in the form are: what removing it does to them. */
    private enum KeyPlace { UNKNOWN, KEYCHAIN, ENVIRONMENT, NONE }

    private final SettingsViewModel.Services services;
    private final KeychainViewModel keychain;
    private final ReadOnlyObjectProperty<Mode> mode;
    private final ReadOnlyStringProperty editingId;
    private final ObservableList<KeyFieldViewModel> fields = FXCollections.observableArrayList();
    // made once: an unmodifiable list listens to its source only weakly (a view per call could be collected)
    private final ObservableList<KeyFieldViewModel> fieldsView = FXCollections.unmodifiableObservableList(fields);
    private final IntegerProperty edits = new SimpleIntegerProperty(this, "edits", 0);
    private final BooleanBinding valid;
    /** As last read by {@link #showStored}. */
    private KeyPlace place = KeyPlace.UNKNOWN;
    private List<String> envVars = List.of();

    KeysViewModel(SettingsViewModel.Services services, KeychainViewModel keychain, ReadOnlyObjectProperty<Mode> mode,
                  ReadOnlyStringProperty editingId) {
        this.services = services;
        this.keychain = keychain;
        this.mode = mode;
        this.editingId = editingId;
        valid = Bindings.createBooleanBinding(() -> fields.stream().allMatch(k -> k.errorProperty().get().isEmpty()),
                fields, edits);
        keychain.stateProperty().addListener((x, was, now) -> showForNewAccount());
    }

    /** One field per key slot of the provider, primary first. */
    public ObservableList<KeyFieldViewModel> fields() {
        return fieldsView;
    }

    /**
     * What removing the account in the form does to its key, for the confirmation: "Its key is removed from GNOME
     * Keyring too." when one is saved there, else where the key comes from and that it stays (an environment
     * variable is not Tally's to change); then that the history stays.
     */
    public String removeDetail() {
        String vars = SettingsPhrase.join(SettingsPhrase.AND, envVars);
        String key = switch (place) {
            case KEYCHAIN -> envVars.isEmpty() ? SettingsPhrase.REMOVE_KEY_KEYCHAIN.say(keychain.nameProperty().get())
                    : SettingsPhrase.REMOVE_KEY_KEYCHAIN_ENV.say(keychain.nameProperty().get(), vars);
            case ENVIRONMENT -> SettingsPhrase.REMOVE_KEY_ENVIRONMENT.say(vars);
            case NONE -> "";
            case UNKNOWN -> SettingsPhrase.REMOVE_KEY_UNKNOWN.say();
        };
        String history = SettingsPhrase.REMOVE_HISTORY.say();
        return key.isEmpty() ? history : SettingsPhrase.REMOVE_DETAIL.say(key, history);
    }

    /** Counts edits of any key field: for bindings that must follow the typed keys. */
    ReadOnlyIntegerProperty editsProperty() {
        return edits;
    }

    /** Every typed key can be one. */
    BooleanBinding validBinding() {
        return valid;
    }

    boolean anyTyped() {
        return fields.stream().anyMatch(KeyFieldViewModel::typed);
    }

    /** Some slot has a key typed or in its environment variable: what a new account can be tested with. */
    boolean anyTypedOrInEnvironment() {
        return fields.stream().anyMatch(k -> k.typed() || envSecret(k.slot()).isPresent());
    }

    /** The typed keys by slot, as secrets. */
    Map<KeySlot, Secret> typed() {
        Map<KeySlot, Secret> out = new LinkedHashMap<>();
        for (KeyFieldViewModel k : fields) {
            if (k.typed()) {
                out.put(k.slot(), Secret.of(k.textProperty().get()));
            }
        }
        return out;
    }

    /** New fields for the provider's slots (none for no provider). */
    void follow(Optional<ProviderInfo> info) {
        fields.setAll(info.map(i -> i.keySlots().stream().map(s -> newField(i, s)).toList()).orElse(List.of()));
        showForNewAccount();
    }

    void clearTyped() {
        fields.forEach(k -> k.textProperty().set(""));
    }

    private KeyFieldViewModel newField(ProviderInfo info, KeySlot slot) {
        KeyFieldViewModel k = new KeyFieldViewModel(slot, dev.tally.status.CatalogWords.keyDescription(info.id(), slot));
        k.textProperty().addListener((x, was, now) -> edits.set(edits.get() + 1));
        return k;
    }

    /** After a save: the stored keys' fields are cleared, each field says where its key went or why it did not. */
    void saved(Map<String, String> problems, java.util.Set<String> stored, String storeName) {
        for (KeyFieldViewModel k : fields) {
            String slot = k.slot().name();
            if (stored.contains(slot)) {
                k.textProperty().set("");
                k.setStatus(SettingsPhrase.KEY_SAVED_IN.say(storeName), false);
            } else if (problems.containsKey(slot)) {
                k.setStatus(problems.get(slot), true);
            }
        }
    }

    /** Shows, per key slot, whether a key is stored (with a masked hint), asking the keychain in the background. */
    void showStored(Account a) {
        place = KeyPlace.UNKNOWN;
        envVars = List.of();
        Optional<ProviderInfo> info = services.catalog().find(a.provider().value());
        if (info.isEmpty() || fields.isEmpty()) {
            return;
        }
        fields.forEach(k -> k.setStatus(SettingsPhrase.KEY_LOOKING.say(), false));
        List<KeyFieldViewModel> asked = List.copyOf(fields);
        services.background().execute(() -> {
            Map<String, String> text = new LinkedHashMap<>();
            boolean problem = false;
            KeyPlace where = KeyPlace.UNKNOWN;
            List<String> vars = new ArrayList<>();
            try {
                SecretStore store = services.secrets().get();
                StoreStatus st = store.status();
                where = KeyPlace.NONE;
                for (KeyFieldViewModel k : asked) {
                    KeySlot s = k.slot();
                    Optional<Secret> saved = st.isAvailable() ? store.read(KeyResolver.entryName(a.id(), info.get(), s))
                            : Optional.empty();
                    Optional<Secret> env = envSecret(s);
                    if (env.isPresent()) {
                        vars.add(s.envVar());
                    }
                    if (saved.isPresent()) {
                        where = KeyPlace.KEYCHAIN;
                        text.put(s.name(), SettingsPhrase.KEY_SAVED_REPLACE.say(store.name(), saved.get().hint()));
                    } else if (env.isPresent()) {
                        where = where == KeyPlace.KEYCHAIN ? where : KeyPlace.ENVIRONMENT;
                        // the widget uses it too (KeyResolver: keychain first, then the environment)
                        // (with the keychain unavailable, the General tab and a Save say why a typed key cannot be kept)
                        text.put(s.name(), st.isAvailable()
                                ? SettingsPhrase.KEY_FROM_ENV_OR_KEYCHAIN.say(s.envVar(), env.get().hint(), store.name())
                                : SettingsPhrase.KEY_FROM_ENV.say(s.envVar(), env.get().hint()));
                    } else if (!st.isAvailable()) {
                        where = st.isTemporarilyUnreadable() && where == KeyPlace.NONE ? KeyPlace.UNKNOWN : where;
                        problem = true;
                        text.put(s.name(), SettingsPhrase.KEY_KEYCHAIN_PROBLEM_NO_ENV.say(state(st), st.reason(), s.envVar()));
                    } else {
                        text.put(s.name(), SettingsPhrase.KEY_NONE_SAVED.say(s.envVar()));
                    }
                }
            } catch (SecretStoreException e) {
                problem = true;
                asked.forEach(k -> text.put(k.slot().name(), envSecret(k.slot()).isPresent()
                        ? SettingsPhrase.KEY_ENV_KEYCHAIN_UNREADABLE.say(k.slot().envVar(), e.getMessage())
                        : e.getMessage()));
            } catch (RuntimeException e) {
                problem = true;
                asked.forEach(k -> text.put(k.slot().name(),
                        SettingsPhrase.KEY_KEYCHAIN_UNREADABLE.say(e.getClass().getSimpleName())));
            }
            boolean p = problem;
            KeyPlace found = where;
            services.ui().execute(() -> {
                if (!a.id().equals(editingId.get())) {
                    return;
                }
                place = found;
                envVars = List.copyOf(vars);
                for (KeyFieldViewModel k : fields) {
                    String t = text.get(k.slot().name());
                    if (t != null) {
                        k.setStatus(t, p);
                    }
                }
            });
        });
    }

    /** Key status for a new account: where typed keys will go. */
    private void showForNewAccount() {
        if (mode.get() != Mode.NEW) {
            return;
        }
        StoreStatus st = keychain.stateProperty().get();
        String name = keychain.nameProperty().get();
        for (KeyFieldViewModel k : fields) {
            if (envSecret(k.slot()).isPresent()) {
                k.setStatus(st == null || st.isAvailable() ? SettingsPhrase.KEY_LEAVE_EMPTY_OR_KEEP.say(k.slot().envVar(), name)
                        : SettingsPhrase.KEY_LEAVE_EMPTY_KEYCHAIN_PROBLEM.say(k.slot().envVar(), state(st), st.reason()), false);
            } else if (st == null || st.isAvailable()) {
                k.setStatus(SettingsPhrase.KEY_KEPT_IN.say(name, k.slot().envVar()), false);
            } else {
                k.setStatus(SettingsPhrase.KEY_TEST_ONLY.say(state(st), st.reason(), k.slot().envVar()), true);
            }
        }
    }

    /** The key in the slot's environment variable, as the widget would read it; cheap (a map lookup). */
    private Optional<Secret> envSecret(KeySlot slot) {
        try {
            return services.keys().env(slot.envVar()).map(Secret::of);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
