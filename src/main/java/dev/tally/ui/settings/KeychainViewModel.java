package dev.tally.ui.settings;

import dev.tally.secret.StoreStatus;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Locale;

/**
 * The keychain as the settings last found it: its state, its name ("GNOME Keyring"), and where keys go or why they
 * cannot be saved (the General tab's Keys note). Properties belong to the UI thread; the state is read in the
 * background by {@link SettingsViewModel#load()} and handed over with {@link #found}.
 */
public final class KeychainViewModel {
    private final ReadOnlyObjectWrapper<StoreStatus> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name", "the keychain");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message");

    KeychainViewModel() {
        message.bind(Bindings.createStringBinding(this::describe, state, name));
    }

    /** The keychain's state, or {@code null} while it is being checked. */
    public ReadOnlyObjectProperty<StoreStatus> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** "GNOME Keyring (Secret Service)", or "the keychain" before it was opened. */
    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    /** Where keys go, or why they cannot be saved and what to do instead. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    void found(StoreStatus st, String storeName) {
        name.set(storeName);
        state.set(st);
    }

    /** "locked", "unavailable", "not answering", … for messages. */
    static String state(StoreStatus st) {
        return st.state().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private String describe() {
        StoreStatus st = state.get();
        if (st == null) {
            return "Checking the keychain…";
        }
        if (st.isAvailable()) {
            return "Keys are kept in " + name.get() + ", never in a file.";
        }
        return "The keychain is " + state(st) + ": " + st.reason() + ". Keys you type can be tested but not saved"
                + " (Tally never stores keys in plain text). Unlock or start your keychain, or leave the key fields empty"
                + " and set each provider's key variable (e.g. DEEPSEEK_API_KEY, named under each key field) instead.";
    }
}
