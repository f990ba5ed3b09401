package dev.tally.ui.settings;

import dev.tally.core.BalanceSnapshot;
import dev.tally.core.CurrencyBalance;
import dev.tally.core.FetchError;
import dev.tally.core.KeyLimit;
import dev.tally.core.Money;
import dev.tally.core.Secret;
import dev.tally.poll.FetchOutcome;
import dev.tally.poll.FetchTarget;
import dev.tally.provider.BaseUrls;
import dev.tally.provider.Credentials;
import dev.tally.provider.KeySlot;
import dev.tally.provider.ProviderInfo;
import dev.tally.provider.ProviderTarget;
import dev.tally.status.Phrase;
import dev.tally.status.Problem;
import dev.tally.status.Remedies;
import dev.tally.tray.TrayText;
import dev.tally.ui.settings.AccountFormViewModel.Mode;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Test button: fetches once in the background with what the form holds and says what came back ("OK — ¥110.00"
 * or the exact error). All of the Test's wording is here, in {@link #describe}. Properties and commands belong to the
 * UI thread.
 *
 * <p>While "hide amounts" is on, money in the result reads {@value TrayText#HIDDEN}.
 */
public final class TestConnectionViewModel {
    /** The Test button's state. */
    public enum TestState { IDLE, RUNNING, OK, FAILED }

    private final SettingsViewModel.Services services;
    private final AccountFormViewModel form;
    private final ObservableBooleanValue hideAmounts;
    private final ReadOnlyObjectWrapper<TestState> state = new ReadOnlyObjectWrapper<>(this, "state", TestState.IDLE);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper canTest = new ReadOnlyBooleanWrapper(this, "canTest");
    /** What the last successful Test fetched, so its text can follow "hide amounts"; {@code null} otherwise. */
    private BalanceSnapshot snapshot;
    private int generation;

    TestConnectionViewModel(SettingsViewModel.Services services, AccountFormViewModel form, ObservableBooleanValue hideAmounts) {
        this.services = services;
        this.form = form;
        this.hideAmounts = hideAmounts;
        KeysViewModel keys = form.keys();
        // not false while a test runs: a disabled button would lose the keyboard focus; test() ignores a second press
        canTest.bind(Bindings.createBooleanBinding(() -> form.modeProperty().get() != Mode.NONE
                        && form.providerProperty().get() != null && form.providerProperty().get().enabled()
                        && keys.validBinding().get() && form.regionErrorProperty().get().isEmpty()
                        && form.baseUrlErrorProperty().get().isEmpty()
                        && (form.modeProperty().get() == Mode.EXISTING || keys.anyTypedOrInEnvironment()),
                form.modeProperty(), form.providerProperty(), keys.validBinding(), form.regionErrorProperty(),
                form.baseUrlErrorProperty(), keys.fields(), keys.editsProperty()));
        // a result no longer describes the form once what it tested was changed (change listeners: they fire
        // on every change, where an invalidation listener stays silent until someone reads the value again)
        for (ObservableValue<?> o : List.<ObservableValue<?>>of(form.providerProperty(), form.regionProperty(),
                form.baseUrlProperty(), form.fieldEditsProperty(), keys.editsProperty(), form.editingIdProperty())) {
            o.addListener((x, was, now) -> invalidate());
        }
        hideAmounts.addListener((x, was, now) -> {
            if (state.get() == TestState.OK && snapshot != null) {
                message.set(SettingsPhrase.TEST_OK.say(describe(snapshot, now)));
            }
        });
    }

    /**
     * Fetches once in the background with the key the widget would use: typed, else (saved accounts) the keychain's,
     * else the provider's environment variable; shows "OK — ¥110.00" (several currencies: "OK — ¥110.00 · $5.30") or
     * the exact error. Does nothing unless {@link #canTestProperty()} is true, or while a test runs.
     */
    public void test() {
        if (!canTest.get() || state.get() == TestState.RUNNING) {
            return;
        }
        int run = ++generation;
        ProviderInfo info = form.info().orElseThrow();
        Map<KeySlot, Secret> typed = form.keys().typed();
        String existing = form.modeProperty().get() == Mode.EXISTING ? form.editingIdProperty().get() : null;
        AccountDraft d = form.draft();
        String shownLabel = d.label().isBlank() ? info.displayName() : d.label().strip();
        URI url = d.baseUrl().isBlank() ? null : BaseUrls.parse(d.baseUrl());
        ProviderTarget target = new ProviderTarget(shownLabel, form.regionProperty().get(), url, d.fields(), existing);
        FetchTarget t = new FetchTarget(existing != null ? existing : info.id().value(), info, shownLabel, target, existing, null);
        state.set(TestState.RUNNING);
        message.set(SettingsPhrase.TESTING.say());
        services.background().execute(() -> {
            String text;
            BalanceSnapshot fetched = null;
            try {
                Map<String, Secret> keys = new LinkedHashMap<>();
                typed.forEach((slot, key) -> keys.put(slot.name(), key));
                String missing = addResolvedKeys(existing, info, keys);
                if (keys.isEmpty()) {
                    text = SettingsPhrase.TEST_TYPE_KEY.say(missing);
                } else {
                    FetchOutcome o = services.tester().apply(t, Credentials.of(keys));
                    switch (o) {
                        case FetchOutcome.Success s -> {
                            fetched = s.snapshot();
                            text = null;
                        }
                        case FetchOutcome.Failure f -> text = describe(f.error());
                    }
                }
            } catch (RuntimeException e) {
                text = SettingsPhrase.TEST_COULD_NOT_RUN.say(e.getClass().getSimpleName());
            }
            String failure = text;
            BalanceSnapshot snap = fetched;
            services.ui().execute(() -> {
                if (run != generation) {
                    return;
                }
                snapshot = snap;
                state.set(snap != null ? TestState.OK : TestState.FAILED);
                message.set(snap != null ? SettingsPhrase.TEST_OK.say(describe(snap, hideAmounts.get())) : failure);
                if (snap != null && snap.balances().size() == 1) {
                    form.offerCurrency(snap.balances().getFirst().currency());
                }
            });
        });
    }

    public ReadOnlyObjectProperty<TestState> testStateProperty() {
        return state.getReadOnlyProperty();
    }

    /** "Testing…", "OK — ¥110.00", or the error; empty before a test and after the form changed. */
    public ReadOnlyStringProperty testMessageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canTestProperty() {
        return canTest.getReadOnlyProperty();
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
        String vars = SettingsPhrase.join(SettingsPhrase.OR, info.keySlots().stream().map(KeySlot::envVar).toList());
        if (accountId == null) {
            return SettingsPhrase.TEST_VARIABLE_NOT_SET.say(vars);
        }
        Optional<String> problem;
        try {
            problem = services.keys().keychainProblem();
        } catch (RuntimeException e) {
            problem = Optional.of(SettingsPhrase.KEYCHAIN_NOT_OPENED.say(e.getClass().getSimpleName()));
        }
        return problem.map(p -> SettingsPhrase.TEST_KEYCHAIN_PROBLEM.say(p, vars))
                .orElse(SettingsPhrase.TEST_NO_KEY.say(vars));
    }

    private void invalidate() {
        generation++;
        snapshot = null;
        state.set(TestState.IDLE);
        message.set("");
    }

    // ---------------------------------------------------------------- wording

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
            parts.add(SettingsPhrase.TEST_SPENT.say(TrayText.money(s.spend().amount(), hide)));
        }
        if (s.keyLimit() != null) {
            KeyLimit k = s.keyLimit();
            String used = k.usage() == null ? null : TrayText.money(new Money(k.usage(), k.currency()), hide);
            String limit = k.unlimited() ? null : TrayText.money(new Money(k.limit(), k.currency()), hide);
            String left = k.unlimited() || k.remaining() == null ? null : TrayText.money(new Money(k.remaining(), k.currency()), hide);
            parts.add(k.unlimited() ? (used == null ? SettingsPhrase.TEST_KEY_UNLIMITED.say() : SettingsPhrase.TEST_KEY_UNLIMITED_USED.say(used))
                    : left == null ? (used == null ? SettingsPhrase.TEST_KEY_LIMIT_UNKNOWN.say(limit)
                            : SettingsPhrase.TEST_KEY_LIMIT_UNKNOWN_USED.say(limit, used))
                    : used == null ? SettingsPhrase.TEST_KEY_LIMIT_LEFT.say(limit, left)
                    : SettingsPhrase.TEST_KEY_LIMIT_LEFT_USED.say(limit, left, used));
        }
        String text = String.join(" · ", parts);
        if (assumed) {
            text = SettingsPhrase.TEST_CURRENCY_ASSUMED.say(text);
        }
        if (Boolean.FALSE.equals(s.available())) {
            text = SettingsPhrase.TEST_CANNOT_CALL.say(text);
        }
        if (s.partial()) {
            text = SettingsPhrase.TEST_BUT.say(text, AccountWriter.lowerFirst(describe(s.problem())));
        }
        return text;
    }

    /** The Test button's text for a failure: what kind of failure, then the message and what to do here. */
    static String describe(FetchError e) {
        return Phrase.TITLED.say(Problem.of(e).title(), Remedies.inSettings(e));
    }
}
