package dev.tally.ui.settings;

import dev.tally.provider.KeySlot;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Locale;

/** The key field of one key slot: the typed key, why it cannot be one, and where the saved key is. UI thread. */
public final class KeyFieldViewModel {
    private final KeySlot slot;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper statusProblem = new ReadOnlyBooleanWrapper(this, "statusProblem", false);

    private final String description;

    /** @param description what kind of key it is and where to make it, in the current language */
    KeyFieldViewModel(KeySlot slot, String description) {
        this.description = description;
        this.slot = slot;
        error.bind(Bindings.createStringBinding(() -> AccountFormValidator.key(text.get()), text));
    }

    public KeySlot slot() {
        return slot;
    }

    /** "API key", "Management key", "Admin key" (in the current language). */
    public String title() {
        return switch (slot.name()) {
            case KeySlot.API -> SettingsPhrase.KEY_API.say();
            case KeySlot.MANAGEMENT -> SettingsPhrase.KEY_MANAGEMENT.say();
            case KeySlot.ADMIN -> SettingsPhrase.KEY_ADMIN.say();
            default -> slot.name().substring(0, 1).toUpperCase(Locale.ROOT) + slot.name().substring(1);
        };
    }

    /** The title with its Alt+letter, unique in the window: API/Admin key K, Management key M. */
    String mnemonicTitle() {
        return switch (slot.name()) {
            case KeySlot.API -> SettingsPhrase.KEY_API_MNEMONIC.say();
            case KeySlot.MANAGEMENT -> SettingsPhrase.KEY_MANAGEMENT_MNEMONIC.say();
            case KeySlot.ADMIN -> SettingsPhrase.KEY_ADMIN_MNEMONIC.say();
            default -> title();
        };
    }

    /** What kind of key this is and where to create it. */
    public String description() {
        return description;
    }

    /** The typed key; masked in the view. Cleared once the key is stored. */
    public StringProperty textProperty() {
        return text;
    }

    /** Why the typed text cannot be a key, or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Where the saved key is ("Saved in GNOME Keyring (sk-…a1b2)"), or why it could not be saved or read. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True when {@link #statusProperty()} reports a problem (keychain unavailable, key not saved). */
    public ReadOnlyBooleanProperty statusProblemProperty() {
        return statusProblem.getReadOnlyProperty();
    }

    boolean typed() {
        return text.get() != null && !text.get().isBlank();
    }

    void setStatus(String message, boolean problem) {
        status.set(message);
        statusProblem.set(problem);
    }
}
