package dev.tally.ui.settings;

import dev.tally.provider.AccountField;
import dev.tally.provider.ProviderInfo;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Optional;

/**
 * The form field of one provider-declared account field (an id from the provider's console, a relay's base URL, …):
 * one per field id in
 * the catalog, shown while the chosen provider declares it. What it is called, where its value comes from and what
 * it must look like come from the provider's {@link AccountField}; nothing here names a field. Properties belong to
 * the UI thread.
 */
public final class ProviderFieldViewModel {
    private final AccountField field;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyBooleanWrapper needed = new ReadOnlyBooleanWrapper(this, "needed", false);
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper(this, "hint", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ObjectProperty<AccountField> declared = new SimpleObjectProperty<>(this, "declared");

    ProviderFieldViewModel(AccountField field) {
        this.field = field;
        declared.set(field);
        error.bind(Bindings.createStringBinding(() -> needed.get()
                ? declared.get().problem(text.get()).orElse("") : "", text, needed, declared));
    }

    /** The field id, as the provider declares it. */
    public String id() {
        return field.id();
    }

    /** What the form calls it, as the provider declares it. */
    public String label() {
        return dev.tally.status.CatalogWords.fieldLabel(field);
    }

    /** The value as typed; empty means "not set" (then its environment variable, if any, is used). */
    public StringProperty textProperty() {
        return text;
    }

    /** Whether the chosen provider declares this field: the row is shown and its value is saved only then. */
    public ReadOnlyBooleanProperty neededProperty() {
        return needed.getReadOnlyProperty();
    }

    /** Where to find the value and what an empty one means ("…; leave empty to use" its environment variable). */
    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    /** Why the typed value cannot be kept, or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Follows the chosen provider ({@code null}: none). */
    void follow(Optional<ProviderInfo> provider) {
        Optional<AccountField> f = provider.flatMap(i -> i.field(field.id()));
        declared.set(f.orElse(field));
        hint.set(f.map(ProviderFieldViewModel::hint).orElse(""));
        needed.set(f.isPresent());
    }

    /** The value to keep, or {@code null} when the field is not needed or empty. */
    String value() {
        String t = text.get();
        return needed.get() && t != null && !t.isBlank() ? t.strip() : null;
    }

    private static String hint(AccountField f) {
        if (f.envVar() == null) {
            return dev.tally.status.CatalogWords.fieldDescription(f);
        }
        String d = dev.tally.status.CatalogWords.fieldDescription(f);
        return d.isEmpty() ? SettingsPhrase.FIELD_LEAVE_EMPTY.say(f.envVar())
                : SettingsPhrase.FIELD_DESCRIPTION_LEAVE_EMPTY.say(d, f.envVar());
    }
}
