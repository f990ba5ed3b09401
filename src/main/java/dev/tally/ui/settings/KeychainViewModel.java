package dev.tally.ui.settings;

import dev.tally.secret.StoreStatus;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;


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
        return st.stateWords();
    }

    private String describe() {
        StoreStatus st = state.get();
        if (st == null) {
            return SettingsPhrase.KEYCHAIN_CHECKING.say();
        }
        if (st.isAvailable()) {
            return SettingsPhrase.KEYCHAIN_KEPT.say(name.get());
        }
        return SettingsPhrase.KEYCHAIN_PROBLEM.say(state(st), st.reason());
    }
}
