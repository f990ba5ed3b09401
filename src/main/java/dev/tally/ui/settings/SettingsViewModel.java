package dev.tally.ui.settings;

import dev.tally.account.Account;
import dev.tally.account.AccountStore;
import dev.tally.account.Preferences;
import dev.tally.account.PreferencesStore;
import dev.tally.account.Thresholds;
import dev.tally.autostart.Autostart;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.CurrencyBalance;
import dev.tally.core.DesktopText;
import dev.tally.core.FetchError;
import dev.tally.core.KeyLimit;
import dev.tally.core.Money;
import dev.tally.core.ProviderId;
import dev.tally.core.Secret;
import dev.tally.poll.FetchOutcome;
import dev.tally.poll.FetchTarget;
import dev.tally.provider.BaseUrls;
import dev.tally.provider.Credentials;
import dev.tally.provider.KeySlot;
import dev.tally.provider.ProviderCatalog;
import dev.tally.provider.ProviderInfo;
import dev.tally.provider.ProviderTarget;
import dev.tally.provider.Region;
import dev.tally.secret.KeyResolver;
import dev.tally.secret.SecretStore;
import dev.tally.secret.SecretStoreException;
import dev.tally.secret.StoreStatus;
import dev.tally.tray.TrayText;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The settings dialog without the dialog: the accounts list (add, edit, remove), the form for one account
 * (provider, label, region, base URL, one key per key slot, the provider's own fields, alert threshold with its
 * currency, interval)
 * with a specific validation message per field, the Test command, and the general preferences (launch at login,
 * notifications, theme, hide amounts).
 *
 * <p><b>Threads.</b> Every property and command belongs to the UI thread (the FX thread in the app; the test's
 * own thread with {@code Runnable::run} executors). Files, the keychain and HTTP are touched only inside tasks
 * given to {@link Services#background()}; their results come back through {@link Services#ui()}. Nothing here
 * blocks the caller.
 *
 * <p><b>Keys.</b> A typed key becomes a {@link Secret} when a command takes it; it is written to the keychain
 * only, never to a file, and its field is cleared once it is stored. When a key was typed and the keychain is
 * unavailable, nothing of the account is saved and every field keeps what was typed; the status line and the key
 * field say why and what to do (unlock or start the keychain, or leave the key empty and use the provider's
 * environment variable). An account saved without a typed key (its key comes from the environment) is fine.
 *
 * <p><b>Hide amounts.</b> While {@link #hideAmountsProperty()} is on, money in the accounts list and in the Test
 * result reads {@value TrayText#HIDDEN}; the alert level being edited stays visible.
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

    /** One entry of the provider picker; unsupported providers are listed with {@code enabled = false} and why. */
    public record ProviderChoice(ProviderId id, String name, boolean enabled, String reason) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** One line of the accounts list, e.g. "DeepSeek (work)" / "DeepSeek · every 5 min · alert below ¥5.00". */
    public record AccountRow(String id, String label, String detail) {
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

    /** What the account form is doing. */
    public enum Mode { NONE, NEW, EXISTING }

    /** The Test button's state. */
    public enum TestState { IDLE, RUNNING, OK, FAILED }

    /** How the status line reads. */
    public enum StatusKind { INFO, SUCCESS, ERROR }

    /** The key field of one key slot. Properties belong to the UI thread. */
    public static final class KeyField {
        private final KeySlot slot;
        private final StringProperty text = new SimpleStringProperty(this, "text", "");
        private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
        private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
        private final ReadOnlyBooleanWrapper statusProblem = new ReadOnlyBooleanWrapper(this, "statusProblem", false);

        private KeyField(KeySlot slot) {
            this.slot = slot;
            error.bind(Bindings.createStringBinding(() -> keyError(text.get()), text));
        }

        public KeySlot slot() {
            return slot;
        }

        /** "API key", "Management key", "Admin key". */
        public String title() {
            String n = slot.name();
            return n.equals(KeySlot.API) ? "API key" : n.substring(0, 1).toUpperCase(Locale.ROOT) + n.substring(1) + " key";
        }

        /** What kind of key this is and where to create it. */
        public String description() {
            return slot.description();
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

        private boolean typed() {
            return text.get() != null && !text.get().isBlank();
        }

        private void setStatus(String message, boolean problem) {
            status.set(message);
            statusProblem.set(problem);
        }

        private static String keyError(String t) {
            if (t == null || t.isBlank()) {
                return "";
            }
            try {
                Secret.of(t);
                return "";
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }
    }

    /** The non-secret form values, compared to tell whether the form was changed. */
    private record Draft(ProviderId provider, String label, String region, String baseUrl, Map<String, String> fields,
                         String threshold, String currency, String interval) {
    }

    private record General(Preferences.Theme theme, boolean notifications, boolean hideAmounts, boolean launchAtLogin) {
    }

    private static final Draft BLANK = new Draft(null, "", null, "", Map.of(), "", null, String.valueOf(Account.DEFAULT_INTERVAL));

    private final Services services;
    private Consumer<SaveResult> onSaved = r -> { };

    private final List<Account> current = new ArrayList<>();
    private final ObservableList<AccountRow> rows = FXCollections.observableArrayList();
    private final ObservableList<ProviderChoice> providerChoices = FXCollections.observableArrayList();

    // read-only views made once: an unmodifiable list listens to its source only weakly, so a view created per
    // call could be collected while a control still listens to it
    private final ObservableList<AccountRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<ProviderChoice> providerChoicesView = FXCollections.unmodifiableObservableList(providerChoices);

    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", true);
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving", false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyObjectWrapper<StatusKind> statusKind = new ReadOnlyObjectWrapper<>(this, "statusKind", StatusKind.INFO);
    private final ReadOnlyObjectWrapper<StoreStatus> keychain = new ReadOnlyObjectWrapper<>(this, "keychain");
    private final ReadOnlyStringWrapper keychainName = new ReadOnlyStringWrapper(this, "keychainName", "the keychain");
    private boolean accountsWritable = true;
    private String selectAfterLoad;

    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(this, "mode", Mode.NONE);
    private final ReadOnlyStringWrapper editingId = new ReadOnlyStringWrapper(this, "editingId");
    private final ReadOnlyObjectWrapper<ProviderChoice> provider = new ReadOnlyObjectWrapper<>(this, "provider");
    private final ReadOnlyStringWrapper providerMessage = new ReadOnlyStringWrapper(this, "providerMessage", "");
    private final StringProperty label = new SimpleStringProperty(this, "label", "");
    private final ObservableList<String> regionChoices = FXCollections.observableArrayList();
    private final StringProperty region = new SimpleStringProperty(this, "region");
    private final StringProperty baseUrl = new SimpleStringProperty(this, "baseUrl", "");
    private final ObservableList<KeyField> keyFields = FXCollections.observableArrayList();
    private final IntegerProperty keyEdits = new SimpleIntegerProperty(this, "keyEdits", 0);
    private final List<ProviderFieldViewModel> fields;
    private final IntegerProperty fieldEdits = new SimpleIntegerProperty(this, "fieldEdits", 0);
    private final StringProperty threshold = new SimpleStringProperty(this, "threshold", "");
    private final ObservableList<String> currencyChoices = FXCollections.observableArrayList();
    private final ObjectProperty<String> thresholdCurrency = new SimpleObjectProperty<>(this, "thresholdCurrency");
    private final StringProperty interval = new SimpleStringProperty(this, "interval", String.valueOf(Account.DEFAULT_INTERVAL));
    private final ObservableList<String> regionChoicesView = FXCollections.unmodifiableObservableList(regionChoices);
    private final ObservableList<KeyField> keyFieldsView = FXCollections.unmodifiableObservableList(keyFields);
    private final ObservableList<String> currencyChoicesView = FXCollections.unmodifiableObservableList(currencyChoices);
    private final ObjectProperty<Draft> baseline = new SimpleObjectProperty<>(this, "baseline", BLANK);

    private final ReadOnlyBooleanWrapper providerEditable = new ReadOnlyBooleanWrapper(this, "providerEditable");
    private final ReadOnlyStringWrapper baseUrlPrompt = new ReadOnlyStringWrapper(this, "baseUrlPrompt");
    private final ReadOnlyStringWrapper fixedCurrency = new ReadOnlyStringWrapper(this, "fixedCurrency");
    private final ReadOnlyBooleanWrapper thresholdAvailable = new ReadOnlyBooleanWrapper(this, "thresholdAvailable", true);
    private final ReadOnlyStringWrapper thresholdNote = new ReadOnlyStringWrapper(this, "thresholdNote", "");
    private final ReadOnlyStringWrapper providerError = new ReadOnlyStringWrapper(this, "providerError");
    private final ReadOnlyStringWrapper labelError = new ReadOnlyStringWrapper(this, "labelError");
    private final ReadOnlyStringWrapper labelErrorShown = new ReadOnlyStringWrapper(this, "labelErrorShown");
    /** The user changed the label since the form was opened: only then is a label problem worth showing. */
    private final BooleanProperty labelTouched = new SimpleBooleanProperty(this, "labelTouched");
    private final BooleanProperty advancedOpen = new SimpleBooleanProperty(this, "advancedOpen");
    private boolean filling;
    private final ReadOnlyStringWrapper regionError = new ReadOnlyStringWrapper(this, "regionError");
    private final ReadOnlyStringWrapper baseUrlError = new ReadOnlyStringWrapper(this, "baseUrlError");
    private final ReadOnlyStringWrapper thresholdError = new ReadOnlyStringWrapper(this, "thresholdError");
    private final ReadOnlyStringWrapper intervalError = new ReadOnlyStringWrapper(this, "intervalError");
    private final ReadOnlyBooleanWrapper formValid = new ReadOnlyBooleanWrapper(this, "formValid");
    private final ReadOnlyBooleanWrapper formDirty = new ReadOnlyBooleanWrapper(this, "formDirty");
    private final ReadOnlyStringWrapper keychainMessage = new ReadOnlyStringWrapper(this, "keychainMessage");

    /** Where the keys of the account in the form are, as last read by {@link #showStoredKeys}. UI thread. */
    private KeyPlace keyPlace = KeyPlace.UNKNOWN;
    private List<String> keyEnvVars = List.of();

    private final ReadOnlyObjectWrapper<TestState> testState = new ReadOnlyObjectWrapper<>(this, "testState", TestState.IDLE);
    private final ReadOnlyStringWrapper testMessage = new ReadOnlyStringWrapper(this, "testMessage", "");
    /** What the last successful Test fetched, so its text can follow "hide amounts"; {@code null} otherwise. */
    private BalanceSnapshot testSnapshot;
    private final ReadOnlyBooleanWrapper canTest = new ReadOnlyBooleanWrapper(this, "canTest");
    private int testGeneration;

    private final BooleanProperty launchAtLogin = new SimpleBooleanProperty(this, "launchAtLogin");
    private final ReadOnlyBooleanWrapper launchAtLoginAvailable = new ReadOnlyBooleanWrapper(this, "launchAtLoginAvailable");
    private final ReadOnlyStringWrapper launchAtLoginHint = new ReadOnlyStringWrapper(this, "launchAtLoginHint", "");
    private final BooleanProperty notifications = new SimpleBooleanProperty(this, "notifications", true);
    private final BooleanProperty hideAmounts = new SimpleBooleanProperty(this, "hideAmounts");
    private final ObjectProperty<Preferences.Theme> theme = new SimpleObjectProperty<>(this, "theme", Preferences.Theme.SYSTEM);
    private final ObjectProperty<General> generalBaseline = new SimpleObjectProperty<>(this, "generalBaseline");
    private final ReadOnlyBooleanWrapper generalDirty = new ReadOnlyBooleanWrapper(this, "generalDirty");
    private final ReadOnlyBooleanWrapper canSave = new ReadOnlyBooleanWrapper(this, "canSave");

    /** Builds the bindings; loads nothing yet (call {@link #load()}). Call on the UI thread. */
    public SettingsViewModel(Services services) {
        this.services = services;
        for (ProviderInfo i : services.catalog().supported()) {
            providerChoices.add(new ProviderChoice(i.id(), i.displayName(), true, null));
        }
        for (ProviderInfo i : services.catalog().unsupported()) {
            providerChoices.add(new ProviderChoice(i.id(), i.displayName(), false, sentence(i.unsupportedReason())));
        }
        generalBaseline.set(general());
        fields = services.catalog().accountFields().stream().map(ProviderFieldViewModel::new).toList();
        fields.forEach(f -> f.textProperty().addListener((x, was, now) -> fieldEdits.set(fieldEdits.get() + 1)));

        providerEditable.bind(mode.isEqualTo(Mode.NEW));
        baseUrlPrompt.bind(Bindings.createStringBinding(() -> info().flatMap(i -> i.region(region.get()))
                .map(r -> r.origin().toString()).orElse(""), provider, region));
        fixedCurrency.bind(Bindings.createStringBinding(() -> info().flatMap(i -> Thresholds.impliedCurrency(i, region.get()))
                .orElse(null), provider, region));
        thresholdAvailable.bind(Bindings.createBooleanBinding(() -> info().map(ProviderInfo::reportsBalance).orElse(true),
                provider));
        thresholdNote.bind(Bindings.createStringBinding(() -> info().flatMap(Thresholds::unavailableReason)
                .map(SettingsViewModel::sentence).orElse(""), provider));

        providerError.bind(Bindings.createStringBinding(() -> mode.get() == Mode.NEW && provider.get() == null
                && !draft().equals(BLANK) ? "choose the provider of this account" : "",
                mode, provider, label, region, baseUrl, fieldEdits, threshold, thresholdCurrency, interval));
        labelError.bind(Bindings.createStringBinding(this::validateLabel, label, provider, editingId, mode));
        labelErrorShown.bind(Bindings.createStringBinding(() -> labelTouched.get() ? labelError.get() : "",
                labelTouched, labelError));
        label.addListener((x, was, now) -> {
            if (!filling) {
                labelTouched.set(true);
            }
        });
        regionError.bind(Bindings.createStringBinding(() -> !regionChoices.isEmpty() && region.get() == null
                ? "choose the region your key belongs to" : "", regionChoices, region));
        baseUrlError.bind(Bindings.createStringBinding(() -> validateBaseUrl(baseUrl.get()), baseUrl));
        thresholdError.bind(Bindings.createStringBinding(this::validateThreshold, threshold, fixedCurrency, thresholdCurrency,
                currencyChoices, thresholdAvailable));
        intervalError.bind(Bindings.createStringBinding(() -> validateInterval(interval.get()), interval));

        Observable[] keys = {keyFields, keyEdits};
        BooleanBinding keysValid = Bindings.createBooleanBinding(
                () -> keyFields.stream().allMatch(k -> k.errorProperty().get().isEmpty()), keys);
        BooleanBinding fieldsValid = Bindings.createBooleanBinding(
                () -> fields.stream().allMatch(f -> f.errorProperty().get().isEmpty()),
                fields.stream().map(ProviderFieldViewModel::errorProperty).toArray(Observable[]::new));
        formValid.bind(Bindings.createBooleanBinding(() -> mode.get() != Mode.NONE && provider.get() != null
                        && provider.get().enabled() && keysValid.get() && labelError.get().isEmpty()
                        && regionError.get().isEmpty() && baseUrlError.get().isEmpty() && thresholdError.get().isEmpty()
                        && intervalError.get().isEmpty() && fieldsValid.get(),
                mode, provider, keysValid, labelError, regionError, baseUrlError, thresholdError, intervalError, fieldsValid));
        formDirty.bind(Bindings.createBooleanBinding(() -> mode.get() != Mode.NONE
                        && (!draft().equals(baseline.get()) || keyFields.stream().anyMatch(KeyField::typed)),
                mode, provider, label, region, baseUrl, fieldEdits, threshold, thresholdCurrency, interval, baseline,
                keyFields, keyEdits));
        // not false while a test runs: a disabled button would lose the keyboard focus; test() ignores a second press
        canTest.bind(Bindings.createBooleanBinding(() -> mode.get() != Mode.NONE
                        && provider.get() != null && provider.get().enabled() && keysValid.get()
                        && regionError.get().isEmpty() && baseUrlError.get().isEmpty()
                        && (mode.get() == Mode.EXISTING || keyFields.stream().anyMatch(k -> k.typed() || envKey(k.slot()))),
                mode, provider, keysValid, regionError, baseUrlError, keyFields, keyEdits));
        keychainMessage.bind(Bindings.createStringBinding(this::describeKeychain, keychain, keychainName));

        generalDirty.bind(Bindings.createBooleanBinding(() -> !general().equals(generalBaseline.get()),
                theme, notifications, hideAmounts, launchAtLogin, generalBaseline));
        canSave.bind(Bindings.createBooleanBinding(() -> !loading.get() && !saving.get()
                        && (formDirty.get() || generalDirty.get()) && (!formDirty.get() || formValid.get()),
                loading, saving, formDirty, generalDirty, formValid));

        // a result no longer describes the form once what it tested was changed (change listeners: they fire
        // on every change, where an invalidation listener stays silent until someone reads the value again)
        for (ObservableValue<?> o : List.<ObservableValue<?>>of(provider, region, baseUrl, fieldEdits, keyEdits, editingId)) {
            o.addListener((x, was, now) -> invalidateTest());
        }
        region.addListener((x, was, now) -> refreshCurrencyChoices());
        keychain.addListener((x, was, now) -> updateKeyStatus());
        // a custom or broken base URL is never folded away
        baseUrl.addListener((x, was, now) -> {
            if (now != null && !now.isBlank()) {
                advancedOpen.set(true);
            }
        });
        hideAmounts.addListener((x, was, now) -> {
            rows.setAll(current.stream().map(this::row).toList());
            if (testState.get() == TestState.OK && testSnapshot != null) {
                testMessage.set("OK — " + describe(testSnapshot, now));
            }
        });
    }

    /** Called on the UI thread after a save or remove wrote something. */
    public void setOnSaved(Consumer<SaveResult> onSaved) {
        this.onSaved = Objects.requireNonNull(onSaved, "onSaved");
    }

    // ---------------------------------------------------------------- loading

    /** Reads accounts, preferences, the autostart entry and the keychain's state in the background. */
    public void load() {
        load(null);
    }

    /**
     * Like {@link #load()}, then opens {@code selectId} in the form (e.g. the card whose key was rejected);
     * the first account when it is null or gone.
     */
    public void load(String selectId) {
        this.selectAfterLoad = selectId;
        loading.set(true);
        setStatus("Loading…", StatusKind.INFO);
        services.background().execute(() -> {
            AccountStore.Loaded acc;
            PreferencesStore.Loaded prefs;
            boolean autostartOn;
            try {
                acc = services.accounts().load();
                prefs = services.preferences().load();
                autostartOn = services.autostart().isSupported() && services.autostart().isEnabled();
            } catch (RuntimeException e) {
                services.ui().execute(() -> {
                    loading.set(false);
                    setStatus("Could not load the settings: " + e.getMessage(), StatusKind.ERROR);
                });
                return;
            }
            boolean on = autostartOn;
            services.ui().execute(() -> loaded(acc, prefs, on));
            StoreStatus st;
            String name;
            try {
                SecretStore store = services.secrets().get();
                st = store.status();
                name = store.name();
            } catch (RuntimeException e) {
                st = StoreStatus.unavailable("the keychain could not be opened (" + e.getClass().getSimpleName() + ")");
                name = "the keychain";
            }
            StoreStatus s = st;
            String n = name;
            services.ui().execute(() -> {
                keychainName.set(n);
                keychain.set(s);
            });
        });
    }

    private void loaded(AccountStore.Loaded acc, PreferencesStore.Loaded prefs, boolean autostartOn) {
        accountsWritable = acc.writable();
        setAccounts(acc.accounts());
        Preferences p = prefs.preferences();
        boolean available = services.autostart().isSupported() && !services.launchCommand().isEmpty();
        launchAtLoginAvailable.set(available);
        launchAtLoginHint.set(!services.autostart().isSupported() ? services.autostart().describe()
                : services.launchCommand().isEmpty() ? "Tally cannot tell how it was started, so it cannot add itself to login"
                : "Adds the " + services.autostart().describe());
        theme.set(p.theme());
        notifications.set(p.notifications());
        hideAmounts.set(p.hideAmounts());
        launchAtLogin.set(autostartOn);
        generalBaseline.set(general());
        loading.set(false);
        List<String> warnings = new ArrayList<>();
        acc.warning().ifPresent(warnings::add);
        prefs.warning().ifPresent(warnings::add);
        if (warnings.isEmpty()) {
            setStatus("", StatusKind.INFO);
        } else {
            setStatus(String.join("\n", warnings), StatusKind.ERROR);
        }
        String select = selectAfterLoad;
        selectAfterLoad = null;
        if (current.isEmpty()) {
            add();
        } else if (select != null && current.stream().anyMatch(a -> a.id().equals(select))) {
            edit(select);
        } else {
            edit(current.getFirst().id());
        }
    }

    private void setAccounts(List<Account> accounts) {
        current.clear();
        current.addAll(accounts);
        rows.setAll(accounts.stream().map(this::row).toList());
    }

    private AccountRow row(Account a) {
        List<String> parts = new ArrayList<>();
        Optional<ProviderInfo> info = services.catalog().find(a.provider().value());
        parts.add(info.map(ProviderInfo::displayName).orElse(a.provider().value()));
        if (a.region() != null && info.map(i -> !i.selectableRegions().isEmpty()).orElse(false)) {
            parts.add(capitalize(a.region()));
        }
        parts.add("every " + a.intervalMinutes() + " min");
        if (a.threshold() != null) {
            parts.add("alert below " + TrayText.money(a.threshold(), hideAmounts.get()));
        }
        return new AccountRow(a.id(), a.label(), String.join(" · ", parts));
    }

    // ---------------------------------------------------------------- account form commands

    /** Starts a new account: an empty form, nothing saved until {@link #save()}. */
    public void add() {
        mode.set(Mode.NEW);
        editingId.set(null);
        setProvider(null);
        fill(BLANK);
        baseline.set(draft());
        providerMessage.set("");
    }

    /** Opens the account {@code id} in the form; the keychain is asked in the background where its keys are. */
    public void edit(String id) {
        Optional<Account> found = current.stream().filter(a -> a.id().equals(id)).findFirst();
        if (found.isEmpty()) {
            return;
        }
        Account a = found.get();
        mode.set(Mode.EXISTING);
        editingId.set(a.id());
        setProvider(choiceFor(a.provider()));
        // a threshold on a spend-only provider could never fire: the form shows none, and saving drops it
        Money t = thresholdAvailable.get() ? a.threshold() : null;
        String r = a.region() != null ? a.region() : regionChoices.isEmpty() ? null : regionChoices.getFirst();
        fill(new Draft(a.provider(), a.label(), r, a.baseUrl() == null ? "" : a.baseUrl().toString(),
                a.fields(), t == null ? "" : t.plain(), t == null ? null : t.currency(),
                String.valueOf(a.intervalMinutes())));
        baseline.set(draft());
        providerMessage.set(provider.get().enabled() ? "" : provider.get().name() + ": " + provider.get().reason());
        showStoredKeys(a);
    }

    /**
     * Picks the provider of a new account. Unsupported providers cannot be picked: the form keeps its provider and
     * {@link #providerMessageProperty()} says why.
     *
     * @return whether the choice was taken
     */
    public boolean chooseProvider(ProviderChoice choice) {
        if (mode.get() != Mode.NEW || choice == null) {
            return false;
        }
        if (!choice.enabled()) {
            providerMessage.set(choice.name() + " cannot be added: " + choice.reason());
            return false;
        }
        providerMessage.set("");
        String oldName = provider.get() == null ? "" : provider.get().name();
        setProvider(choice);
        if (label.get() == null || label.get().isBlank() || label.get().strip().equals(oldName)) {
            label.set(choice.name());
        }
        return true;
    }

    /**
     * What removing the account in the form does to its key, for the confirmation: "Its key is removed from GNOME
     * Keyring too." when one is saved there, else where the key comes from and that it stays (an environment
     * variable is not Tally's to change); then that the history stays.
     */
    public String removeDetail() {
        String vars = String.join(" and ", keyEnvVars);
        String key = switch (keyPlace) {
            case KEYCHAIN -> "Its key is removed from " + keychainName.get() + " too."
                    + (keyEnvVars.isEmpty() ? "" : " " + vars + " in your environment stays as it is.");
            case ENVIRONMENT -> "Its key comes from " + vars + " in your environment, which stays as it is.";
            case NONE -> "";
            case UNKNOWN -> "Any key saved for it in the keychain is removed too.";
        };
        return (key.isEmpty() ? "" : key + " ") + "Its history stays until it ages out.";
    }

    /** Removes the account and its keychain entries, in the background. */
    public void remove(String id) {
        Optional<Account> found = current.stream().filter(a -> a.id().equals(id)).findFirst();
        if (found.isEmpty() || saving.get()) {
            return;
        }
        Account gone = found.get();
        saving.set(true);
        setStatus("Removing " + gone.label() + "…", StatusKind.INFO);
        services.background().execute(() -> {
            List<Account> after = null;
            String error = null;
            String keyProblem = null;
            try {
                AccountStore.Loaded loaded = services.accounts().load();
                if (!loaded.writable()) {
                    error = "Not changing " + services.accounts().file() + ": " + loaded.warning().orElse("it cannot be written");
                } else {
                    after = loaded.accounts().stream().filter(a -> !a.id().equals(id)).toList();
                    services.accounts().save(after);
                    keyProblem = deleteKeys(gone);
                }
            } catch (RuntimeException e) {
                error = "Could not remove " + gone.label() + ": " + e.getMessage();
            }
            List<Account> result = after;
            String err = error;
            String kp = keyProblem;
            services.ui().execute(() -> {
                saving.set(false);
                if (result == null) {
                    setStatus(err, StatusKind.ERROR);
                    return;
                }
                setAccounts(result);
                if (kp != null) {
                    setStatus("Removed " + gone.label() + ", but " + kp, StatusKind.ERROR);
                } else {
                    setStatus("Removed " + gone.label() + ".", StatusKind.SUCCESS);
                }
                if (id.equals(editingId.get())) {
                    if (current.isEmpty()) {
                        add();
                    } else {
                        edit(current.getFirst().id());
                    }
                }
                onSaved.accept(new SaveResult(result, Set.of(id), Set.of(id), null));
            });
        });
    }

    /** Deletes every keychain entry of the account; a problem in words, or {@code null}. Background only. */
    private String deleteKeys(Account a) {
        Optional<ProviderInfo> info = services.catalog().find(a.provider().value());
        if (info.isEmpty()) {
            return null;
        }
        SecretStore store;
        try {
            store = services.secrets().get();
        } catch (RuntimeException e) {
            return "its key could not be removed from the keychain (" + e.getClass().getSimpleName() + ")";
        }
        StoreStatus st = store.status();
        if (!st.isAvailable()) {
            return "its key could not be removed from the keychain: it is " + state(st) + " (" + st.reason() + ")";
        }
        for (KeySlot s : info.get().keySlots()) {
            try {
                store.delete(KeyResolver.entryName(a.id(), info.get(), s));
            } catch (SecretStoreException e) {
                return "its " + s.name() + " key could not be removed: " + e.getMessage();
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- test

    /**
     * Fetches once in the background with the key the widget would use: typed, else (saved accounts) the keychain's,
     * else the provider's environment variable; shows "OK — ¥110.00" (several currencies: "OK — ¥110.00 · $5.30") or
     * the exact error. Does nothing unless {@link #canTestProperty()} is true, or while a test runs.
     */
    public void test() {
        if (!canTest.get() || testState.get() == TestState.RUNNING) {
            return;
        }
        int generation = ++testGeneration;
        ProviderInfo info = info().orElseThrow();
        Map<KeySlot, Secret> typed = typedKeys();
        String existing = mode.get() == Mode.EXISTING ? editingId.get() : null;
        String shownLabel = label.get() == null || label.get().isBlank() ? info.displayName() : label.get().strip();
        URI url = baseUrl.get() == null || baseUrl.get().isBlank() ? null : BaseUrls.parse(baseUrl.get());
        ProviderTarget target = new ProviderTarget(shownLabel, region.get(), url, fieldValues(), existing);
        FetchTarget t = new FetchTarget(existing != null ? existing : info.id().value(), info, shownLabel, target, existing, null);
        testState.set(TestState.RUNNING);
        testMessage.set("Testing…");
        services.background().execute(() -> {
            String message;
            boolean ok = false;
            String currency = null;
            BalanceSnapshot fetched = null;
            try {
                Map<String, Secret> keys = new LinkedHashMap<>();
                typed.forEach((slot, key) -> keys.put(slot.name(), key));
                String missing = addResolvedKeys(existing, info, keys);
                if (keys.isEmpty()) {
                    message = "Type a key to test it (" + missing + ")";
                } else {
                    FetchOutcome o = services.tester().apply(t, Credentials.of(keys));
                    switch (o) {
                        case FetchOutcome.Success s -> {
                            ok = true;
                            fetched = s.snapshot();
                            message = null;
                            currency = singleCurrency(s.snapshot());
                        }
                        case FetchOutcome.Failure f -> message = describe(f.error());
                    }
                }
            } catch (RuntimeException e) {
                message = "The test could not run (" + e.getClass().getSimpleName() + ")";
            }
            boolean success = ok;
            String text = message;
            String cur = currency;
            BalanceSnapshot snap = fetched;
            services.ui().execute(() -> {
                if (generation != testGeneration) {
                    return;
                }
                testSnapshot = snap;
                testState.set(success ? TestState.OK : TestState.FAILED);
                testMessage.set(success ? "OK — " + describe(snap, hideAmounts.get()) : text);
                if (success && cur != null && fixedCurrency.get() == null && thresholdCurrency.get() == null
                        && currencyChoices.contains(cur)) {
                    thresholdCurrency.set(cur);
                }
            });
        });
    }

    /**
     * Adds, for slots not typed, the key the widget would use: the keychain's (saved accounts only), else the
     * environment's. Returns why no key was found, in words. Background only.
     */
    private String addResolvedKeys(String accountId, ProviderInfo info, Map<String, Secret> keys) {
        if (keys.size() == info.keySlots().size()) {
            return "";
        }
        services.keys().find(info, accountId).forEach((slot, found) -> {
            if (!keys.containsKey(slot)) {
                found.key().ifPresent(k -> keys.put(slot, k));
            }
        });
        String vars = String.join(" or ", info.keySlots().stream().map(KeySlot::envVar).toList());
        if (accountId == null) {
            return vars + " is not set";
        }
        Optional<String> problem;
        try {
            problem = services.keys().keychainProblem();
        } catch (RuntimeException e) {
            problem = Optional.of("the keychain could not be opened (" + e.getClass().getSimpleName() + ")");
        }
        return problem.map(p -> p + "; " + vars + " is not set either")
                .orElse("no key is saved for this account and " + vars + " is not set");
    }

    private void invalidateTest() {
        testGeneration++;
        testSnapshot = null;
        testState.set(TestState.IDLE);
        testMessage.set("");
    }

    // ---------------------------------------------------------------- save

    /**
     * Writes what changed, in the background: the account to {@code accounts.json}, its typed keys to the keychain
     * (never elsewhere), the general preferences to {@code settings.json} and the autostart entry. Reports problems
     * in the status line and the key fields; calls {@link #setOnSaved the onSaved callback} when something was
     * written. Does nothing unless {@link #canSaveProperty()} is true.
     */
    public void save() {
        if (!canSave.get()) {
            return;
        }
        boolean accountPart = formDirty.get();
        boolean generalPart = generalDirty.get();
        Mode m = mode.get();
        String existing = editingId.get();
        Optional<ProviderInfo> info = info();
        Draft d = draft();
        Map<KeySlot, Secret> typed = typedKeys();
        General g = general();
        boolean autostartChanged = g.launchAtLogin() != generalBaseline.get().launchAtLogin();
        saving.set(true);
        setStatus("Saving…", StatusKind.INFO);
        services.background().execute(() -> {
            Saved out = new Saved();
            try {
                if (accountPart && info.isPresent()) {
                    saveAccount(out, m, existing, info.get(), d, typed);
                }
                if (generalPart) {
                    saveGeneral(out, g, autostartChanged);
                }
            } catch (RuntimeException e) {
                out.errors.add("Could not save: " + e.getMessage());
            }
            services.ui().execute(() -> saved(out, m, d));
        });
    }

    /** What a background save did; filled on the background thread, read on the UI thread after the hand-over. */
    private static final class Saved {
        final List<String> errors = new ArrayList<>();
        final Map<String, String> keyProblems = new LinkedHashMap<>();
        final Set<String> keysSaved = new LinkedHashSet<>();
        Account account;
        List<Account> accounts;
        Preferences preferences;
        String storeName;
    }

    private void saveAccount(Saved out, Mode m, String existing, ProviderInfo info, Draft d, Map<KeySlot, Secret> typed) {
        // a typed key goes to the keychain or nowhere: with the keychain unavailable, nothing is written, so the
        // user loses nothing (the form keeps every field) and is not left with an account that silently lacks its key
        SecretStore store = null;
        if (!typed.isEmpty()) {
            StoreStatus st;
            try {
                store = services.secrets().get();
                st = store.status();
            } catch (RuntimeException e) {
                store = null;
                st = StoreStatus.unavailable("the keychain could not be opened (" + e.getClass().getSimpleName() + ")");
            }
            if (store == null || !st.isAvailable()) {
                String env = String.join(" or ", typed.keySet().stream().map(KeySlot::envVar).toList());
                // the whole story once, under the key field; the footer only points there
                String detail = "Not saved: the keychain is " + state(st) + " (" + st.reason() + ") and Tally never stores"
                        + " keys in plain text. Unlock or start your keychain and press Save again — or clear the key field,"
                        + " set " + env + " in the environment Tally starts from, and save.";
                typed.keySet().forEach(s -> out.keyProblems.put(s.name(), detail));
                out.errors.add("Not saved — see the key field");
                return;
            }
        }
        AccountStore.Loaded loaded = services.accounts().load();
        if (!loaded.writable()) {
            out.errors.add("Not changing " + services.accounts().file() + ": " + loaded.warning().orElse("it cannot be written"));
            return;
        }
        List<Account> list = new ArrayList<>(loaded.accounts());
        String id = m == Mode.EXISTING ? existing : uniqueId(Account.slug(info.id(), d.label()), list);
        Money t = d.threshold().isBlank() || !info.reportsBalance() ? null : new Money(Thresholds.parseAmount(d.threshold()),
                Thresholds.impliedCurrency(info, d.region()).orElse(d.currency()));
        Account a = new Account(id, info.id(), d.label().strip(), d.region(),
                d.baseUrl().isBlank() ? null : BaseUrls.parse(d.baseUrl()), d.fields(), t,
                Integer.parseInt(d.interval().strip()));
        int at = indexOf(list, id);
        if (at >= 0) {
            list.set(at, a);
        } else {
            list.add(a);
        }
        try {
            services.accounts().save(list);
        } catch (UncheckedIOException e) {
            out.errors.add(e.getMessage());
            return;
        }
        out.account = a;
        out.accounts = List.copyOf(list);
        if (typed.isEmpty()) {
            return;
        }
        out.storeName = store.name();
        for (Map.Entry<KeySlot, Secret> e : typed.entrySet()) {
            try {
                store.write(KeyResolver.entryName(id, info, e.getKey()), e.getValue());
                out.keysSaved.add(e.getKey().name());
            } catch (SecretStoreException ex) {
                out.keyProblems.put(e.getKey().name(), "Not saved: " + lowerFirst(ex.getMessage()));
            }
        }
    }

    private void saveGeneral(Saved out, General g, boolean autostartChanged) {
        boolean launch = g.launchAtLogin();
        if (autostartChanged) {
            try {
                if (launch) {
                    services.autostart().enable(services.launchCommand());
                } else {
                    services.autostart().disable();
                }
            } catch (IOException | IllegalArgumentException e) {
                out.errors.add("Launch at login: " + e.getMessage());
                launch = services.autostart().isEnabled();
            }
        }
        boolean l = launch;
        try {
            out.preferences = services.preferences().update(p -> p.withTheme(g.theme()).withNotifications(g.notifications())
                    .withHideAmounts(g.hideAmounts()).withLaunchAtLogin(l));
        } catch (IllegalStateException | UncheckedIOException e) {
            out.errors.add(e.getMessage());
        }
    }

    private void saved(Saved out, Mode savedAs, Draft d) {
        saving.set(false);
        List<String> messages = new ArrayList<>(out.errors);
        if (out.account == null && !out.keyProblems.isEmpty()) {
            // nothing was written: the form stays as typed, the key fields say why
            for (KeyField k : keyFields) {
                String problem = out.keyProblems.get(k.slot().name());
                if (problem != null) {
                    k.setStatus(problem, true);
                }
            }
        }
        if (out.account != null) {
            setAccounts(out.accounts);
            // the form still shows what was saved unless the user moved on to another account meanwhile
            boolean same = savedAs == Mode.EXISTING ? out.account.id().equals(editingId.get()) : mode.get() == Mode.NEW;
            if (same) {
                mode.set(Mode.EXISTING);
                editingId.set(out.account.id());
                for (KeyField k : keyFields) {
                    String slot = k.slot().name();
                    if (out.keysSaved.contains(slot)) {
                        k.textProperty().set("");
                        k.setStatus("Saved in " + out.storeName, false);
                    } else if (out.keyProblems.containsKey(slot)) {
                        k.setStatus(out.keyProblems.get(slot), true);
                    }
                }
                if (d.label().equals(label.get())) {
                    label.set(d.label().strip());
                }
                baseline.set(new Draft(d.provider(), d.label().strip(), d.region(), d.baseUrl(), d.fields(),
                        d.threshold(), d.currency(), d.interval()));
            }
            if (!out.keyProblems.isEmpty()) {
                messages.add("Saved, but not the key — see the key field");
            }
        }
        if (out.preferences != null) {
            theme.set(out.preferences.theme());
            notifications.set(out.preferences.notifications());
            hideAmounts.set(out.preferences.hideAmounts());
            launchAtLogin.set(out.preferences.launchAtLogin());
            generalBaseline.set(general());
        }
        if (messages.isEmpty()) {
            List<String> what = new ArrayList<>();
            if (out.account != null) {
                what.add(out.account.label() + (out.keysSaved.isEmpty() ? "" : " and its key"));
            }
            if (out.preferences != null) {
                what.add("the general settings");
            }
            setStatus("Saved " + String.join(" and ", what) + ".", StatusKind.SUCCESS);
        } else {
            setStatus(String.join("\n", messages), StatusKind.ERROR);
        }
        if (out.account != null || out.preferences != null) {
            Set<String> changed = out.keysSaved.isEmpty() || out.account == null ? Set.of() : Set.of(out.account.id());
            onSaved.accept(new SaveResult(out.accounts, changed, Set.of(), out.preferences));
        }
    }

    // ---------------------------------------------------------------- helpers

    private void setProvider(ProviderChoice choice) {
        provider.set(choice);
        Optional<ProviderInfo> info = info();
        regionChoices.setAll(info.map(ProviderInfo::selectableRegions).orElse(List.of()));
        region.set(regionChoices.isEmpty() ? null : regionChoices.getFirst());
        keyFields.setAll(info.map(i -> i.keySlots().stream().map(this::newKeyField).toList()).orElse(List.of()));
        fields.forEach(f -> f.follow(info));
        refreshCurrencyChoices();
        if (!thresholdAvailable.get()) {
            threshold.set("");
        }
        updateKeyStatus();
    }

    private KeyField newKeyField(KeySlot slot) {
        KeyField k = new KeyField(slot);
        k.textProperty().addListener((x, was, now) -> keyEdits.set(keyEdits.get() + 1));
        return k;
    }

    /** Only currencies the provider's balances can be in (DeepSeek: CNY, USD); none when the region fixes one. */
    private void refreshCurrencyChoices() {
        List<String> reported = info().map(i -> i.balanceCurrencies(region.get())).orElse(List.of());
        if (reported.size() < 2) {
            currencyChoices.clear();
            thresholdCurrency.set(null);
        } else if (!currencyChoices.equals(reported)) {
            currencyChoices.setAll(reported);
        }
    }

    private String fixedCurrency(String regionId) {
        return info().flatMap(i -> Thresholds.impliedCurrency(i, regionId)).orElse(null);
    }

    /** Puts {@code d} in the form as a fresh start: nothing counts as touched, Advanced open only for a base URL. */
    private void fill(Draft d) {
        filling = true;
        try {
            label.set(d.label());
            if (d.region() != null && regionChoices.contains(d.region())) {
                region.set(d.region());
            }
            baseUrl.set(d.baseUrl());
            fields.forEach(f -> f.textProperty().set(d.fields().getOrDefault(f.id(), "")));
            threshold.set(d.threshold());
            thresholdCurrency.set(fixedCurrency(region.get()) == null ? d.currency() : null);
            interval.set(d.interval());
            keyFields.forEach(k -> k.textProperty().set(""));
        } finally {
            filling = false;
        }
        labelTouched.set(false);
        advancedOpen.set(!d.baseUrl().isBlank());
    }

    /** Where the keys of the account in the form are: what removing it does to them. */
    private enum KeyPlace { UNKNOWN, KEYCHAIN, ENVIRONMENT, NONE }

    /** Shows, per key slot, whether a key is stored (with a masked hint), asking the keychain in the background. */
    private void showStoredKeys(Account a) {
        keyPlace = KeyPlace.UNKNOWN;
        keyEnvVars = List.of();
        Optional<ProviderInfo> info = services.catalog().find(a.provider().value());
        if (info.isEmpty() || keyFields.isEmpty()) {
            return;
        }
        keyFields.forEach(k -> k.setStatus("Looking in the keychain…", false));
        List<KeyField> fields = List.copyOf(keyFields);
        services.background().execute(() -> {
            Map<String, String> text = new LinkedHashMap<>();
            boolean problem = false;
            KeyPlace place = KeyPlace.UNKNOWN;
            List<String> envVars = new ArrayList<>();
            try {
                SecretStore store = services.secrets().get();
                StoreStatus st = store.status();
                place = KeyPlace.NONE;
                for (KeyField k : fields) {
                    KeySlot s = k.slot();
                    Optional<Secret> saved = st.isAvailable() ? store.read(KeyResolver.entryName(a.id(), info.get(), s))
                            : Optional.empty();
                    Optional<Secret> env = envSecret(s);
                    if (env.isPresent()) {
                        envVars.add(s.envVar());
                    }
                    if (saved.isPresent()) {
                        place = KeyPlace.KEYCHAIN;
                        text.put(s.name(), "Saved in " + store.name() + " (" + saved.get().hint() + "); type a new key to replace it");
                    } else if (env.isPresent()) {
                        place = place == KeyPlace.KEYCHAIN ? place : KeyPlace.ENVIRONMENT;
                        // the widget uses it too (KeyResolver: keychain first, then the environment)
                        // (with the keychain unavailable, the General tab and a Save say why a typed key cannot be kept)
                        text.put(s.name(), "Using " + s.envVar() + " from the environment (" + env.get().hint() + ")"
                                + (st.isAvailable() ? "; type a key to keep one in " + store.name() + " instead" : ""));
                    } else if (!st.isAvailable()) {
                        place = st.isTemporarilyUnreadable() && place == KeyPlace.NONE ? KeyPlace.UNKNOWN : place;
                        problem = true;
                        text.put(s.name(), "The keychain is " + state(st) + ": " + st.reason() + "; " + s.envVar()
                                + " is not set either");
                    } else {
                        text.put(s.name(), "No key saved; type one, or set " + s.envVar());
                    }
                }
            } catch (SecretStoreException e) {
                problem = true;
                fields.forEach(k -> text.put(k.slot().name(), envSecret(k.slot()).isPresent()
                        ? "Using " + k.slot().envVar() + " from the environment; the keychain could not be read: " + e.getMessage()
                        : e.getMessage()));
            } catch (RuntimeException e) {
                problem = true;
                fields.forEach(k -> text.put(k.slot().name(), "The keychain could not be read (" + e.getClass().getSimpleName() + ")"));
            }
            boolean p = problem;
            KeyPlace where = place;
            services.ui().execute(() -> {
                if (!a.id().equals(editingId.get())) {
                    return;
                }
                keyPlace = where;
                keyEnvVars = List.copyOf(envVars);
                for (KeyField k : keyFields) {
                    String t = text.get(k.slot().name());
                    if (t != null) {
                        k.setStatus(t, p);
                    }
                }
            });
        });
    }

    /** Key status for a new account: where typed keys will go. */
    private void updateKeyStatus() {
        if (mode.get() != Mode.NEW) {
            return;
        }
        StoreStatus st = keychain.get();
        for (KeyField k : keyFields) {
            if (envKey(k.slot())) {
                k.setStatus("Leave empty to use " + k.slot().envVar() + " from the environment"
                        + (st == null || st.isAvailable() ? ", or type a key to keep it in " + keychainName.get() + "."
                        : " (the keychain is " + state(st) + ": " + st.reason() + ")."), false);
            } else if (st == null || st.isAvailable()) {
                k.setStatus("Kept in " + keychainName.get() + " — or leave empty to use " + k.slot().envVar() + ".", false);
            } else {
                k.setStatus("Can be tested but not saved: the keychain is " + state(st) + " (" + st.reason() + ")."
                        + " Unlock or start it — or leave this empty and set " + k.slot().envVar() + " instead.", true);
            }
        }
    }

    private String describeKeychain() {
        StoreStatus st = keychain.get();
        if (st == null) {
            return "Checking the keychain…";
        }
        if (st.isAvailable()) {
            return "Keys are kept in " + keychainName.get() + ", never in a file.";
        }
        return "The keychain is " + state(st) + ": " + st.reason() + ". Keys you type can be tested but not saved"
                + " (Tally never stores keys in plain text). Unlock or start your keychain, or leave the key fields empty"
                + " and set each provider's key variable (e.g. DEEPSEEK_API_KEY, named under each key field) instead.";
    }

    /** The key in the slot's environment variable, as the widget would read it; cheap (a map lookup). */
    private Optional<Secret> envSecret(KeySlot slot) {
        try {
            return services.keys().env(slot.envVar()).map(Secret::of);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private boolean envKey(KeySlot slot) {
        return envSecret(slot).isPresent();
    }

    private Optional<ProviderInfo> info() {
        ProviderChoice c = provider.get();
        return c == null ? Optional.empty() : services.catalog().find(c.id().value());
    }

    private ProviderChoice choiceFor(ProviderId id) {
        return providerChoices.stream().filter(c -> c.id().equals(id)).findFirst()
                .orElse(new ProviderChoice(id, id.value(), false, "Tally does not know this provider"));
    }

    private Draft draft() {
        return new Draft(provider.get() == null ? null : provider.get().id(), nz(label.get()), region.get(),
                nz(baseUrl.get()), fieldValues(), nz(threshold.get()),
                // a currency means something only with an amount and when the region does not fix it
                fixedCurrency.get() == null && !nz(threshold.get()).isBlank() ? thresholdCurrency.get() : null,
                nz(interval.get()));
    }

    /** The values of the fields the chosen provider declares, by field id; empty ones left out. */
    private Map<String, String> fieldValues() {
        Map<String, String> out = new java.util.TreeMap<>();
        fields.forEach(f -> {
            if (f.value() != null) {
                out.put(f.id(), f.value());
            }
        });
        return out;
    }

    private General general() {
        return new General(theme.get(), notifications.get(), hideAmounts.get(), launchAtLogin.get());
    }

    private Map<KeySlot, Secret> typedKeys() {
        Map<KeySlot, Secret> out = new LinkedHashMap<>();
        for (KeyField k : keyFields) {
            if (k.typed()) {
                out.put(k.slot(), Secret.of(k.textProperty().get()));
            }
        }
        return out;
    }

    private String validateLabel() {
        String l = label.get();
        if (l == null || l.isBlank()) {
            return "give the account a label, e.g. “DeepSeek (work)”";
        }
        Optional<String> oneLine = Account.labelProblem(l);
        if (oneLine.isPresent()) {
            return oneLine.get();
        }
        ProviderChoice p = provider.get();
        if (p != null) {
            for (Account a : current) {
                if (a.provider().equals(p.id()) && a.label().equalsIgnoreCase(l.strip()) && !a.id().equals(editingId.get())) {
                    return "there is already a " + p.name() + " account labelled “" + a.label() + "”";
                }
            }
        }
        return "";
    }

    static String validateBaseUrl(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        try {
            BaseUrls.parse(text);
            return "";
        } catch (IllegalArgumentException e) {
            if (text.strip().toLowerCase(Locale.ROOT).startsWith("http://")) {
                return "the base URL must use https; plain http is allowed only to this computer (localhost, 127.0.0.1, ::1)";
            }
            return e.getMessage();
        }
    }

    private String validateThreshold() {
        String t = threshold.get();
        if (t == null || t.isBlank() || !thresholdAvailable.get()) {
            return "";
        }
        try {
            Thresholds.parseAmount(t);
        } catch (IllegalArgumentException e) {
            return "the alert level " + e.getMessage().replaceFirst("^'[^']*' ", "");
        }
        if (fixedCurrency.get() == null && thresholdCurrency.get() == null) {
            return "choose the currency of the alert level";
        }
        if (fixedCurrency.get() == null && !currencyChoices.contains(thresholdCurrency.get())) {
            String name = provider.get() == null ? "this provider" : provider.get().name();
            return name + " reports balances in " + String.join(" or ", currencyChoices) + ", so an alert in "
                    + thresholdCurrency.get() + " would never fire; choose one of them";
        }
        return "";
    }

    static String validateInterval(String text) {
        String t = text == null ? "" : text.strip();
        String rule = "the interval must be a whole number of minutes from " + Account.MIN_INTERVAL + " to " + Account.MAX_INTERVAL;
        if (!t.matches("[0-9]{1,6}")) {
            return rule;
        }
        int v = Integer.parseInt(t);
        return v < Account.MIN_INTERVAL || v > Account.MAX_INTERVAL ? rule : "";
    }

    private static int indexOf(List<Account> list, String id) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static String uniqueId(String base, List<Account> existing) {
        String id = base;
        for (int n = 2; indexOf(existing, id) >= 0; n++) {
            String suffix = "-" + n;
            id = (base.length() + suffix.length() > 64 ? base.substring(0, 64 - suffix.length()) : base) + suffix;
        }
        return id;
    }

    private void setStatus(String text, StatusKind kind) {
        status.set(text);
        statusKind.set(kind);
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static String state(StoreStatus st) {
        return st.state().name().toLowerCase(Locale.ROOT);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    /** A clause as a sentence start: "groq has no…" → "Groq has no…"; {@code null} stays {@code null}. */
    static String sentence(String s) {
        return s == null || s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The Test result for a successful fetch ("¥110.00 · $5.30"): every currency apart, spend and key limits said as such. */
    static String describe(BalanceSnapshot s) {
        return describe(s, false);
    }

    /** Like {@link #describe(BalanceSnapshot)}, with every amount {@value TrayText#HIDDEN} when {@code hide}. */
    static String describe(BalanceSnapshot s, boolean hide) {
        List<String> parts = new ArrayList<>();
        boolean assumed = false;
        for (CurrencyBalance b : s.balances()) {
            parts.add(TrayText.money(b.totalMoney(), hide));
            assumed |= b.currencyAssumed();
        }
        if (s.spend() != null) {
            parts.add("spent " + TrayText.money(s.spend().amount(), hide) + " this month");
        }
        if (s.keyLimit() != null) {
            KeyLimit k = s.keyLimit();
            String used = k.usage() == null ? "" : ", used " + TrayText.money(new Money(k.usage(), k.currency()), hide);
            parts.add(k.unlimited() ? "this key has no limit" + used
                    : "key limit " + TrayText.money(new Money(k.limit(), k.currency()), hide) + ", "
                    + (k.remaining() == null ? "remaining unknown" : TrayText.money(new Money(k.remaining(), k.currency()), hide) + " left")
                    + used);
        }
        String text = String.join(" · ", parts);
        if (assumed) {
            text += " (currency assumed from the region)";
        }
        if (Boolean.FALSE.equals(s.available())) {
            text += " — the provider says the account cannot make API calls";
        }
        if (s.partial()) {
            text += "; but " + lowerFirst(describe(s.problem()));
        }
        return text;
    }

    /** The Test button's text for a failure: what kind of failure, then the provider's exact message. */
    static String describe(FetchError e) {
        String kind = switch (e) {
            case FetchError.AuthFailed _ -> "Key rejected";
            case FetchError.Forbidden _ -> "Key not allowed";
            case FetchError.RateLimited _ -> "Rate limited";
            case FetchError.Timeout _ -> "Timed out";
            case FetchError.NetworkError _ -> "Network error";
            case FetchError.BadResponse _ -> "Unexpected answer";
            case FetchError.ProviderError _ -> "Provider error";
            case FetchError.NoKey _ -> "No key";
            case FetchError.Unsupported _ -> "Not supported";
        };
        // engine messages give command-line advice (flags to pass); here the fields are right above
        return kind + " — " + DesktopText.inSettings(e.message());
    }

    private static String singleCurrency(BalanceSnapshot s) {
        if (s.balances().size() == 1) {
            return s.balances().getFirst().currency();
        }
        return null;
    }

    // ---------------------------------------------------------------- properties

    public ObservableList<AccountRow> accounts() {
        return rowsView;
    }

    /** Supported providers first (enabled), then unsupported ones with their reason (disabled). */
    public ObservableList<ProviderChoice> providerChoices() {
        return providerChoicesView;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** The last save/remove/load outcome in words; empty when there is nothing to say. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<StatusKind> statusKindProperty() {
        return statusKind.getReadOnlyProperty();
    }

    /** The keychain's state, or {@code null} while it is being checked. */
    public ReadOnlyObjectProperty<StoreStatus> keychainProperty() {
        return keychain.getReadOnlyProperty();
    }

    /** Where keys go, or why they cannot be saved and what to do instead. */
    public ReadOnlyStringProperty keychainMessageProperty() {
        return keychainMessage.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    /** The id of the account in the form, or {@code null} for a new one. */
    public ReadOnlyStringProperty editingIdProperty() {
        return editingId.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ProviderChoice> providerProperty() {
        return provider.getReadOnlyProperty();
    }

    /** Only a new account's provider can be chosen (keys are stored per provider slot). */
    public ReadOnlyBooleanProperty providerEditableProperty() {
        return providerEditable.getReadOnlyProperty();
    }

    /** Why the picked provider cannot be used, or empty. */
    public ReadOnlyStringProperty providerMessageProperty() {
        return providerMessage.getReadOnlyProperty();
    }

    public StringProperty labelProperty() {
        return label;
    }

    /** "choose the provider of this account" once a new account's form was filled in without one, else empty. */
    public ReadOnlyStringProperty providerErrorProperty() {
        return providerError.getReadOnlyProperty();
    }

    /** Why the label cannot be saved, or empty; decides {@link #formValidProperty()}. */
    public ReadOnlyStringProperty labelErrorProperty() {
        return labelError.getReadOnlyProperty();
    }

    /**
     * {@link #labelErrorProperty()} once the user changed the label (or picked a provider, which fills it); empty on
     * a form nobody touched yet, so a fresh "New account" does not open with a red message.
     */
    public ReadOnlyStringProperty labelErrorShownProperty() {
        return labelErrorShown.getReadOnlyProperty();
    }

    /**
     * Whether the Advanced section (base URL) is unfolded: folded when an account without a base URL is opened,
     * unfolded when the account has one or one is typed. The view may fold or unfold it.
     */
    public BooleanProperty advancedOpenProperty() {
        return advancedOpen;
    }

    /** Region ids to choose from; empty for single-host providers. */
    public ObservableList<String> regionChoices() {
        return regionChoicesView;
    }

    /** Region id, or {@code null} for single-host providers. */
    public StringProperty regionProperty() {
        return region;
    }

    public ReadOnlyStringProperty regionErrorProperty() {
        return regionError.getReadOnlyProperty();
    }

    /** "Global — api.moonshot.ai (USD)" for a region id of the current provider. */
    public String regionName(String id) {
        if (id == null) {
            return "";
        }
        Optional<Region> r = info().flatMap(i -> i.region(id));
        return capitalize(id) + r.map(x -> " — " + x.origin().getHost() + (x.currency() == null ? "" : " (" + x.currency() + ")"))
                .orElse("");
    }

    /** Empty means the documented origin ({@link #baseUrlPromptProperty()}). */
    public StringProperty baseUrlProperty() {
        return baseUrl;
    }

    public ReadOnlyStringProperty baseUrlPromptProperty() {
        return baseUrlPrompt.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty baseUrlErrorProperty() {
        return baseUrlError.getReadOnlyProperty();
    }

    /** One field per key slot of the provider, primary first. */
    public ObservableList<KeyField> keyFields() {
        return keyFieldsView;
    }

    /**
     * One field per provider-declared account field in the catalog, in catalog order; each is
     * {@link ProviderFieldViewModel#neededProperty() needed} while the chosen provider declares it.
     */
    public List<ProviderFieldViewModel> fields() {
        return fields;
    }

    /** The field {@code id}; throws when no provider declares it. */
    public ProviderFieldViewModel field(String id) {
        return fields.stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no provider declares a field " + id));
    }

    /** The alert level as typed; empty for no alert. */
    public StringProperty thresholdProperty() {
        return threshold;
    }

    /** The currency the provider's balance is in for this region, or {@code null} when it must be chosen. */
    public ReadOnlyStringProperty fixedCurrencyProperty() {
        return fixedCurrency.getReadOnlyProperty();
    }

    /**
     * False for a provider that reports spend only (OpenAI, Anthropic): there is no balance for an alert to watch, the
     * threshold field is disabled and {@link #thresholdNoteProperty()} says why; a saved account gets no threshold.
     */
    public ReadOnlyBooleanProperty thresholdAvailableProperty() {
        return thresholdAvailable.getReadOnlyProperty();
    }

    /** Why there is no alert level for this provider, or empty. */
    public ReadOnlyStringProperty thresholdNoteProperty() {
        return thresholdNote.getReadOnlyProperty();
    }

    /** The currencies the provider's balances can be in (DeepSeek: CNY, USD) when {@link #fixedCurrencyProperty()} is {@code null}. */
    public ObservableList<String> currencyChoices() {
        return currencyChoicesView;
    }

    public ObjectProperty<String> thresholdCurrencyProperty() {
        return thresholdCurrency;
    }

    public ReadOnlyStringProperty thresholdErrorProperty() {
        return thresholdError.getReadOnlyProperty();
    }

    /** Minutes between checks, as typed. */
    public StringProperty intervalProperty() {
        return interval;
    }

    public ReadOnlyStringProperty intervalErrorProperty() {
        return intervalError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty formValidProperty() {
        return formValid.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty formDirtyProperty() {
        return formDirty.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TestState> testStateProperty() {
        return testState.getReadOnlyProperty();
    }

    /** "Testing…", "OK — ¥110.00", or the error; empty before a test and after the form changed. */
    public ReadOnlyStringProperty testMessageProperty() {
        return testMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canTestProperty() {
        return canTest.getReadOnlyProperty();
    }

    public BooleanProperty launchAtLoginProperty() {
        return launchAtLogin;
    }

    public ReadOnlyBooleanProperty launchAtLoginAvailableProperty() {
        return launchAtLoginAvailable.getReadOnlyProperty();
    }

    /** Where the login entry goes, or why launch at login is not available. */
    public ReadOnlyStringProperty launchAtLoginHintProperty() {
        return launchAtLoginHint.getReadOnlyProperty();
    }

    public BooleanProperty notificationsProperty() {
        return notifications;
    }

    public BooleanProperty hideAmountsProperty() {
        return hideAmounts;
    }

    public ObjectProperty<Preferences.Theme> themeProperty() {
        return theme;
    }

    public ReadOnlyBooleanProperty generalDirtyProperty() {
        return generalDirty.getReadOnlyProperty();
    }

    /** True when something changed, the form (if changed) is valid, and nothing is being loaded or saved. */
    public ReadOnlyBooleanProperty canSaveProperty() {
        return canSave.getReadOnlyProperty();
    }
}
