package dev.tally.ui.settings;

import dev.tally.account.Account;
import dev.tally.account.Thresholds;
import dev.tally.core.Money;
import dev.tally.core.ProviderId;
import dev.tally.provider.ProviderInfo;
import dev.tally.provider.Region;
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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The form for one account: provider, label, region, base URL, the provider's own fields, one key per key slot
 * ({@link #keys()}), alert threshold with its currency, interval; a specific message per field
 * ({@link AccountFormValidator}), whether it is valid and whether it changed. Commands open a new or saved account;
 * saving is the coordinator's ({@link SettingsViewModel#save()}).
 *
 * <p>Properties and commands belong to the UI thread. Nothing here blocks: the keychain is asked in the background.
 */
public final class AccountFormViewModel {

    /** What the form is doing. */
    public enum Mode { NONE, NEW, EXISTING }

    /** One entry of the provider picker; unsupported providers are listed with {@code enabled = false} and why. */
    public record ProviderChoice(ProviderId id, String name, boolean enabled, String reason) {
        @Override
        public String toString() {
            return name;
        }
    }

    private final SettingsViewModel.Services services;
    private final AccountListViewModel list;
    private final ObservableList<ProviderChoice> providerChoices = FXCollections.observableArrayList();
    private final ObservableList<ProviderChoice> providerChoicesView = FXCollections.unmodifiableObservableList(providerChoices);
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(this, "mode", Mode.NONE);
    private final ReadOnlyStringWrapper editingId = new ReadOnlyStringWrapper(this, "editingId");
    private final ReadOnlyObjectWrapper<ProviderChoice> provider = new ReadOnlyObjectWrapper<>(this, "provider");
    private final ReadOnlyStringWrapper providerMessage = new ReadOnlyStringWrapper(this, "providerMessage", "");
    private final StringProperty label = new SimpleStringProperty(this, "label", "");
    private final ObservableList<String> regionChoices = FXCollections.observableArrayList();
    private final ObservableList<String> regionChoicesView = FXCollections.unmodifiableObservableList(regionChoices);
    private final StringProperty region = new SimpleStringProperty(this, "region");
    private final StringProperty baseUrl = new SimpleStringProperty(this, "baseUrl", "");
    private final List<ProviderFieldViewModel> fields;
    private final IntegerProperty fieldEdits = new SimpleIntegerProperty(this, "fieldEdits", 0);
    private final KeysViewModel keys;
    private final KeySourceViewModel keySource;
    private final TopUpViewModel topUp = new TopUpViewModel(java.time.Clock.systemUTC());
    private final StringProperty threshold = new SimpleStringProperty(this, "threshold", "");
    private final ObservableList<String> currencyChoices = FXCollections.observableArrayList();
    private final ObservableList<String> currencyChoicesView = FXCollections.unmodifiableObservableList(currencyChoices);
    private final ObjectProperty<String> thresholdCurrency = new SimpleObjectProperty<>(this, "thresholdCurrency");
    private final StringProperty interval = new SimpleStringProperty(this, "interval", String.valueOf(Account.DEFAULT_INTERVAL));
    private final ObjectProperty<AccountDraft> baseline = new SimpleObjectProperty<>(this, "baseline", AccountDraft.BLANK);

    private final ReadOnlyBooleanWrapper providerEditable = new ReadOnlyBooleanWrapper(this, "providerEditable");
    private final ReadOnlyStringWrapper baseUrlPrompt = new ReadOnlyStringWrapper(this, "baseUrlPrompt");
    private final ReadOnlyStringWrapper fixedCurrency = new ReadOnlyStringWrapper(this, "fixedCurrency");
    private final ReadOnlyBooleanWrapper spendOnly = new ReadOnlyBooleanWrapper(this, "spendOnly");
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
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");

    AccountFormViewModel(SettingsViewModel.Services services, AccountListViewModel list, KeychainViewModel keychain) {
        this.services = services;
        this.list = list;
        this.keys = new KeysViewModel(services, keychain, mode.getReadOnlyProperty(), editingId.getReadOnlyProperty());
        this.keySource = new KeySourceViewModel(name -> services.keys().env(name).isPresent());
        for (ProviderInfo i : services.catalog().supported()) {
            providerChoices.add(new ProviderChoice(i.id(), i.displayName(), true, null));
        }
        for (ProviderInfo i : services.catalog().unsupported()) {
            providerChoices.add(new ProviderChoice(i.id(), i.displayName(), false, sentence(i.unsupportedReason())));
        }
        fields = services.catalog().accountFields().stream().map(ProviderFieldViewModel::new).toList();
        fields.forEach(f -> f.textProperty().addListener((x, was, now) -> fieldEdits.set(fieldEdits.get() + 1)));

        providerEditable.bind(mode.isEqualTo(Mode.NEW));
        baseUrlPrompt.bind(Bindings.createStringBinding(() -> info().flatMap(i -> i.region(region.get()))
                .map(r -> r.origin().toString()).orElse(""), provider, region));
        // a provider without a balance can still alert on the estimate from a known top-up, in its currency
        fixedCurrency.bind(Bindings.createStringBinding(() -> info().filter(i -> !i.reportsBalance())
                        .map(i -> topUp.currencyProperty().get())
                        .or(() -> info().flatMap(i -> Thresholds.impliedCurrency(i, region.get()))).orElse(null),
                provider, region, topUp.currencyProperty()));
        spendOnly.bind(Bindings.createBooleanBinding(() -> info().map(i -> !i.reportsBalance()).orElse(false), provider));
        thresholdAvailable.bind(Bindings.createBooleanBinding(() -> info().map(ProviderInfo::reportsBalance).orElse(true)
                || topUp.currencyProperty().get() != null, provider, topUp.currencyProperty()));
        thresholdNote.bind(Bindings.createStringBinding(() -> topUp.currencyProperty().get() != null
                        && info().map(i -> !i.reportsBalance()).orElse(false) ? SettingsPhrase.ALERT_ON_ESTIMATE.say()
                        : info().flatMap(Thresholds::unavailableReason)
                                .map(r -> SettingsPhrase.ALERT_NEEDS_TOP_UP.say(sentence(r))).orElse(""),
                provider, topUp.currencyProperty()));

        providerError.bind(Bindings.createStringBinding(() -> AccountFormValidator.provider(mode.get() == Mode.NEW,
                        provider.get() != null, draft().equals(AccountDraft.BLANK)),
                mode, provider, label, region, baseUrl, fieldEdits, threshold, thresholdCurrency, interval));
        labelError.bind(Bindings.createStringBinding(() -> AccountFormValidator.label(label.get(),
                provider.get() == null ? null : provider.get().id(), provider.get() == null ? null : provider.get().name(),
                list.all(), editingId.get()), label, provider, editingId, mode));
        labelErrorShown.bind(Bindings.createStringBinding(() -> labelTouched.get() ? labelError.get() : "",
                labelTouched, labelError));
        label.addListener((x, was, now) -> {
            if (!filling) {
                labelTouched.set(true);
            }
        });
        regionError.bind(Bindings.createStringBinding(() -> AccountFormValidator.region(regionChoices, region.get()),
                regionChoices, region));
        baseUrlError.bind(Bindings.createStringBinding(() -> AccountFormValidator.baseUrl(baseUrl.get()), baseUrl));
        thresholdError.bind(Bindings.createStringBinding(() -> AccountFormValidator.threshold(threshold.get(),
                        thresholdAvailable.get(), fixedCurrency.get(), thresholdCurrency.get(), currencyChoices,
                        provider.get() == null ? null : provider.get().name()),
                threshold, fixedCurrency, thresholdCurrency, currencyChoices, thresholdAvailable));
        intervalError.bind(Bindings.createStringBinding(() -> AccountFormValidator.interval(interval.get()), interval));

        BooleanBinding fieldsValid = Bindings.createBooleanBinding(
                () -> fields.stream().allMatch(f -> f.errorProperty().get().isEmpty()),
                fields.stream().map(ProviderFieldViewModel::errorProperty).toArray(Observable[]::new));
        valid.bind(Bindings.createBooleanBinding(() -> mode.get() != Mode.NONE && provider.get() != null
                        && provider.get().enabled() && keys.validBinding().get() && labelError.get().isEmpty()
                        && regionError.get().isEmpty() && baseUrlError.get().isEmpty() && thresholdError.get().isEmpty()
                        && intervalError.get().isEmpty() && fieldsValid.get() && keySource.errorProperty().get().isEmpty()
                        && topUp.errorProperty().get().isEmpty(),
                mode, provider, keys.validBinding(), labelError, regionError, baseUrlError, thresholdError, intervalError,
                fieldsValid, keySource.errorProperty(), topUp.errorProperty()));
        dirty.bind(Bindings.createBooleanBinding(() -> mode.get() != Mode.NONE
                        && (!draft().equals(baseline.get()) || keys.anyTyped()),
                mode, provider, label, region, baseUrl, fieldEdits, threshold, thresholdCurrency, interval, baseline,
                keys.fields(), keys.editsProperty(), keySource.sourceProperty(), keySource.commandProperty(),
                topUp.amountProperty(), topUp.dateProperty()));

        region.addListener((x, was, now) -> refreshCurrencyChoices());
        // a custom or broken base URL is never folded away
        baseUrl.addListener((x, was, now) -> {
            if (now != null && !now.isBlank()) {
                advancedOpen.set(true);
            }
        });
    }

    // ---------------------------------------------------------------- commands

    /** Starts a new account: an empty form, nothing saved until {@link SettingsViewModel#save()}. */
    public void add() {
        mode.set(Mode.NEW);
        editingId.set(null);
        setProvider(null);
        fill(AccountDraft.BLANK);
        keySource.clear();
        topUp.clear();
        baseline.set(draft());
        providerMessage.set("");
    }

    /** Opens the saved account {@code id}; the keychain is asked in the background where its keys are. */
    public void edit(String id) {
        Optional<Account> found = list.find(id);
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
        fill(new AccountDraft(a.provider(), a.label(), r, a.baseUrl() == null ? "" : a.baseUrl().toString(),
                a.fields(), t == null ? "" : t.plain(), t == null ? null : t.currency(),
                String.valueOf(a.intervalMinutes()), null, List.of(), "", ""));
        keySource.show(a, info());
        topUp.show(a);
        if (a.topUp() != null && !spendOnly.get()) {
            advancedOpen.set(true); // a known top-up is never folded away
        }
        // a threshold on the estimate needs the top-up in the form first
        if (t == null && a.threshold() != null && thresholdAvailable.get()) {
            threshold.set(a.threshold().plain());
        }
        baseline.set(draft());
        providerMessage.set(provider.get().enabled() ? ""
                : SettingsPhrase.PROVIDER_REASON.say(provider.get().name(), provider.get().reason()));
        keys.showStored(a);
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
            providerMessage.set(SettingsPhrase.PROVIDER_CANNOT_ADD.say(choice.name(), choice.reason()));
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

    /** "Global — api.moonshot.ai (USD)" for a region id of the current provider. */
    public String regionName(String id) {
        if (id == null) {
            return "";
        }
        Optional<Region> r = info().flatMap(i -> i.region(id));
        return r.map(x -> x.currency() == null ? SettingsPhrase.REGION_CHOICE.say(regionWord(id), x.origin().getHost())
                        : SettingsPhrase.REGION_CHOICE_CURRENCY.say(regionWord(id), x.origin().getHost(), x.currency()))
                .orElse(regionWord(id));
    }

    /** A region's name: "Global", "China" (in the current language); another id capitalized. */
    static String regionWord(String id) {
        return switch (id) {
            case Region.GLOBAL -> SettingsPhrase.REGION_GLOBAL.say();
            case Region.CHINA -> SettingsPhrase.REGION_CHINA.say();
            default -> capitalize(id);
        };
    }

    // ---------------------------------------------------------------- for the coordinator

    /** The form's values as they would be saved. */
    AccountDraft draft() {
        return new AccountDraft(provider.get() == null ? null : provider.get().id(), nz(label.get()), region.get(),
                nz(baseUrl.get()), fieldValues(), nz(threshold.get()),
                // a currency means something only with an amount and when the region does not fix it
                fixedCurrency.get() == null && !nz(threshold.get()).isBlank() ? thresholdCurrency.get() : null,
                nz(interval.get()), keySource.sourceProperty().get(), keySource.argv().orElse(List.of()),
                nz(topUp.amountProperty().get()).strip(), nz(topUp.dateProperty().get()).strip());
    }

    /** The typed keys to store: the primary one only while it comes from the keychain. */
    java.util.Map<dev.tally.provider.KeySlot, dev.tally.core.Secret> typedKeys() {
        java.util.Map<dev.tally.provider.KeySlot, dev.tally.core.Secret> typed = new java.util.LinkedHashMap<>(keys.typed());
        if (!keySource.keychainKey()) {
            typed.keySet().removeIf(s -> keySource.primarySlot().map(s.name()::equals).orElse(false));
        }
        return typed;
    }

    /** The chosen provider, when the catalog knows it. */
    Optional<ProviderInfo> info() {
        ProviderChoice c = provider.get();
        return c == null ? Optional.empty() : services.catalog().find(c.id().value());
    }

    /**
     * Shows what a save did: when the account was written and the form still shows it (the user did not move on),
     * it becomes the saved account with its keys' fields cleared; when nothing was written, the key fields say why.
     */
    void saved(AccountWriter.Result out, Mode savedAs, AccountDraft d) {
        if (out.account() == null) {
            keys.saved(out.keyProblems(), java.util.Set.of(), null);
            return;
        }
        boolean same = savedAs == Mode.EXISTING ? out.account().id().equals(editingId.get()) : mode.get() == Mode.NEW;
        if (same) {
            mode.set(Mode.EXISTING);
            editingId.set(out.account().id());
            keys.saved(out.keyProblems(), out.keysSaved(), out.storeName());
            if (d.label().equals(label.get())) {
                label.set(d.label().strip());
            }
            baseline.set(d.stripped());
        }
    }

    /** The test found the balance in one currency: offered for the alert when nothing was chosen yet. */
    void offerCurrency(String currency) {
        if (currency != null && fixedCurrency.get() == null && thresholdCurrency.get() == null
                && currencyChoices.contains(currency)) {
            thresholdCurrency.set(currency);
        }
    }

    /** Counts edits of the provider fields: for bindings that follow them. */
    IntegerProperty fieldEditsProperty() {
        return fieldEdits;
    }

    // ---------------------------------------------------------------- helpers

    private void setProvider(ProviderChoice choice) {
        provider.set(choice);
        Optional<ProviderInfo> info = info();
        regionChoices.setAll(info.map(ProviderInfo::selectableRegions).orElse(List.of()));
        region.set(regionChoices.isEmpty() ? null : regionChoices.getFirst());
        fields.forEach(f -> f.follow(info));
        refreshCurrencyChoices();
        if (!thresholdAvailable.get()) {
            threshold.set("");
        }
        keys.follow(info);
        keySource.follow(info);
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

    /** Puts {@code d} in the form as a fresh start: nothing counts as touched, Advanced open only for a base URL. */
    private void fill(AccountDraft d) {
        filling = true;
        try {
            label.set(d.label());
            if (d.region() != null && regionChoices.contains(d.region())) {
                region.set(d.region());
            }
            baseUrl.set(d.baseUrl());
            fields.forEach(f -> f.textProperty().set(d.fields().getOrDefault(f.id(), "")));
            threshold.set(d.threshold());
            String fixed = info().flatMap(i -> Thresholds.impliedCurrency(i, region.get())).orElse(null);
            thresholdCurrency.set(fixed == null ? d.currency() : null);
            interval.set(d.interval());
            keys.clearTyped();
        } finally {
            filling = false;
        }
        labelTouched.set(false);
        advancedOpen.set(!d.baseUrl().isBlank());
    }

    private ProviderChoice choiceFor(ProviderId id) {
        return providerChoices.stream().filter(c -> c.id().equals(id)).findFirst()
                .orElse(new ProviderChoice(id, id.value(), false, SettingsPhrase.PROVIDER_UNKNOWN.say()));
    }

    /** The values of the fields the chosen provider declares, by field id; empty ones left out. */
    private Map<String, String> fieldValues() {
        Map<String, String> out = new TreeMap<>();
        fields.forEach(f -> {
            if (f.value() != null) {
                out.put(f.id(), f.value());
            }
        });
        return out;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static String capitalize(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    /** A clause as a sentence start: "groq has no…" → "Groq has no…"; {@code null} stays {@code null}. */
    static String sentence(String s) {
        return s == null || s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    // ---------------------------------------------------------------- properties

    /** Supported providers first (enabled), then unsupported ones with their reason (disabled). */
    public ObservableList<ProviderChoice> providerChoices() {
        return providerChoicesView;
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

    /** "choose the provider of this account" once a new account's form was filled in without one, else empty. */
    public ReadOnlyStringProperty providerErrorProperty() {
        return providerError.getReadOnlyProperty();
    }

    public StringProperty labelProperty() {
        return label;
    }

    /** Why the label cannot be saved, or empty; decides {@link #validProperty()}. */
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

    /**
     * Whether the Advanced section (base URL) is unfolded: folded when an account without a base URL is opened,
     * unfolded when the account has one or one is typed. The view may fold or unfold it.
     */
    public BooleanProperty advancedOpenProperty() {
        return advancedOpen;
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

    /** The keys: one field per key slot of the provider, and where the saved keys are. */
    public KeysViewModel keys() {
        return keys;
    }

    /** Where the primary key comes from: the keychain, the environment or a command. */
    public KeySourceViewModel keySource() {
        return keySource;
    }

    /** What the user had after the last top-up: the basis of an estimated balance. */
    public TopUpViewModel topUp() {
        return topUp;
    }

    /** One field per key slot of the provider, primary first (the same as {@code keys().fields()}). */
    public ObservableList<KeyFieldViewModel> keyFields() {
        return keys.fields();
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

    /** The provider reports spend but no balance (OpenAI, Anthropic): a known top-up is the way to a balance. */
    public ReadOnlyBooleanProperty spendOnlyProperty() {
        return spendOnly.getReadOnlyProperty();
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

    /** Every field can be saved as it is. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** Something differs from the account as opened (or a key was typed). */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }
}
