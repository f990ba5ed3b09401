package dev.tally.ui.settings;

import dev.tally.account.Account;
import dev.tally.account.AccountStore;
import dev.tally.account.Preferences;
import dev.tally.account.PreferencesStore;
import dev.tally.autostart.Autostart;
import dev.tally.poll.FetchOutcome;
import dev.tally.poll.FetchTarget;
import dev.tally.provider.Credentials;
import dev.tally.provider.ProviderCatalog;
import dev.tally.secret.KeyResolver;
import dev.tally.secret.SecretStore;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The settings dialog without the dialog, one view model per job: the accounts {@link #list()}, the account
 * {@link #form()} (with its keys and a pure validator), the {@link #connection() Test}, the {@link #general()}
 * preferences and the {@link #keychain()}. This coordinator loads them together and saves what changed.
 *
 * <p><b>Threads.</b> Every property and command belongs to the UI thread (the FX thread in the app; the test's own
 * thread with {@code Runnable::run} executors). Files, the keychain and HTTP are touched only inside tasks given to
 * {@link Services#background()}; their results come back through {@link Services#ui()}. Nothing here blocks.
 *
 * <p><b>Keys.</b> A typed key becomes a {@code Secret} when a command takes it; it is written to the keychain only,
 * never to a file, and its field is cleared once it is stored. When a key was typed and the keychain is unavailable,
 * nothing of the account is saved and every field keeps what was typed (see {@link AccountWriter}).
 */
public final class SettingsViewModel {
    /**
     * What the settings need.
     *
     * @param catalog       every provider, supported or not
     * @param accounts      {@code accounts.json}
     * @param secrets       the keychain; asked for on the background executor only (opening it may probe for seconds)
     * @param tester        fetches once with the given keys, blocking (e.g. {@code BalanceFetcher::fetch}); runs on
     *                      the background executor
     * @param preferences   {@code settings.json}
     * @param autostart     the OS's start-at-login mechanism
     * @param launchCommand how to start Tally at login; empty when unknown (launch at login is then unavailable)
     * @param background    runs blocking work; should be a named daemon executor that logs failures
     * @param ui            runs on the UI thread ({@code Platform::runLater}; {@code Runnable::run} in tests)
     * @param keys          finds an account's keys as the widget does (keychain, then the environment), so Test uses
     *                      the key the card uses and a key field can say where its key comes from; its {@code env}
     *                      lookups are cheap, its {@code find} runs on the background executor only
     */
    public record Services(ProviderCatalog catalog, AccountStore accounts, Supplier<SecretStore> secrets,
                           BiFunction<FetchTarget, Credentials, FetchOutcome> tester, PreferencesStore preferences,
                           Autostart autostart, List<String> launchCommand, Executor background, Executor ui,
                           KeyResolver keys) {
        /** Without environment keys: only typed and keychain keys are used. */
        public Services(ProviderCatalog catalog, AccountStore accounts, Supplier<SecretStore> secrets,
                        BiFunction<FetchTarget, Credentials, FetchOutcome> tester, PreferencesStore preferences,
                        Autostart autostart, List<String> launchCommand, Executor background, Executor ui) {
            this(catalog, accounts, secrets, tester, preferences, autostart, launchCommand, background, ui,
                    new KeyResolver(Map.of(), secrets));
        }

        public Services {
            Objects.requireNonNull(catalog, "catalog");
            Objects.requireNonNull(accounts, "accounts");
            Objects.requireNonNull(secrets, "secrets");
            Objects.requireNonNull(tester, "tester");
            Objects.requireNonNull(preferences, "preferences");
            Objects.requireNonNull(autostart, "autostart");
            launchCommand = List.copyOf(launchCommand);
            Objects.requireNonNull(background, "background");
            Objects.requireNonNull(ui, "ui");
            Objects.requireNonNull(keys, "keys");
        }
    }

    /**
     * What a save or remove wrote, for the app to re-read accounts and tell the poller.
     *
     * @param accounts    every account now in {@code accounts.json}, or {@code null} when the accounts were not written
     * @param keysChanged ids of accounts whose keychain entries were written or removed
     * @param removed     ids of accounts that were removed
     * @param preferences the preferences now in {@code settings.json}, or {@code null} when they were not written
     */
    public record SaveResult(List<Account> accounts, Set<String> keysChanged, Set<String> removed,
                             Preferences preferences) {
        public SaveResult {
            accounts = accounts == null ? null : List.copyOf(accounts);
            keysChanged = Set.copyOf(keysChanged);
            removed = Set.copyOf(removed);
        }
    }

    /** How the status line reads. */
    public enum StatusKind { INFO, SUCCESS, ERROR }

    private final Services services;
    private final StatusLine status = new StatusLine();
    private final KeychainViewModel keychain = new KeychainViewModel();
    private final GeneralViewModel general;
    private final AccountListViewModel list;
    private final AccountFormViewModel form;
    private final TestConnectionViewModel connection;
    private final SettingsLoader loader;
    private final SettingsSaver saver;
    private final ReadOnlyBooleanWrapper canSave = new ReadOnlyBooleanWrapper(this, "canSave");
    private Consumer<SaveResult> onSaved = r -> { };

    /** Builds the view models and their bindings; loads nothing yet (call {@link #load()}). Call on the UI thread. */
    public SettingsViewModel(Services services) {
        this.services = services;
        general = new GeneralViewModel(services);
        list = new AccountListViewModel(services, status, general.hideAmountsProperty());
        form = new AccountFormViewModel(services, list, keychain);
        connection = new TestConnectionViewModel(services, form, general.hideAmountsProperty());
        loader = new SettingsLoader(services, status, keychain, general, list, form);
        saver = new SettingsSaver(services, status, general, list, form, r -> onSaved.accept(r));
        canSave.bind(Bindings.createBooleanBinding(() -> !status.loadingProperty().get() && !status.savingProperty().get()
                        && (form.dirtyProperty().get() || general.dirtyProperty().get())
                        && (!form.dirtyProperty().get() || form.validProperty().get()),
                status.loadingProperty(), status.savingProperty(), form.dirtyProperty(), general.dirtyProperty(),
                form.validProperty()));
        list.setOnRemoved((id, after) -> {
            if (id.equals(form.editingIdProperty().get())) {
                loader.openFirst(null);
            }
            onSaved.accept(new SaveResult(after, Set.of(id), Set.of(id), null));
        });
    }

    /** Called on the UI thread after a save or remove wrote something. */
    public void setOnSaved(Consumer<SaveResult> onSaved) {
        this.onSaved = Objects.requireNonNull(onSaved, "onSaved");
    }

    /** Reads accounts, preferences, the autostart entry and the keychain's state in the background. */
    public void load() {
        load(null);
    }

    /**
     * Like {@link #load()}, then opens {@code selectId} in the form (e.g. the card whose key was rejected);
     * the first account when it is null or gone.
     */
    public void load(String selectId) {
        loader.load(selectId);
    }

    /**
     * Writes what changed, in the background: the account to {@code accounts.json}, its typed keys to the keychain
     * (never elsewhere), the general preferences to {@code settings.json} and the autostart entry. Reports problems
     * in the status line and the key fields; calls {@link #setOnSaved the onSaved callback} when something was
     * written. Does nothing unless {@link #canSaveProperty()} is true.
     */
    public void save() {
        if (canSave.get()) {
            saver.save();
        }
    }

    public AccountListViewModel list() {
        return list;
    }

    public AccountFormViewModel form() {
        return form;
    }

    /** The Test button of the form. */
    public TestConnectionViewModel connection() {
        return connection;
    }

    public GeneralViewModel general() {
        return general;
    }

    public KeychainViewModel keychain() {
        return keychain;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return status.loadingProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return status.savingProperty();
    }

    /** The last save/remove/load outcome in words; empty when there is nothing to say. */
    public ReadOnlyStringProperty statusProperty() {
        return status.textProperty();
    }

    public ReadOnlyObjectProperty<StatusKind> statusKindProperty() {
        return status.kindProperty();
    }

    /** True when something changed, the form (if changed) is valid, and nothing is being loaded or saved. */
    public ReadOnlyBooleanProperty canSaveProperty() {
        return canSave.getReadOnlyProperty();
    }
}
