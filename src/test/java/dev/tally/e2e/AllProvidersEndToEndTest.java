package dev.tally.e2e;

import dev.tally.account.Account;
import dev.tally.alert.Alert;
import dev.tally.app.AppContext;
import dev.tally.app.AppDirs;
import dev.tally.core.AccountStatus;
import dev.tally.core.Money;
import dev.tally.core.Secret;
import dev.tally.engine.Engine;
import dev.tally.history.SnapshotRow;
import dev.tally.history.WeekSummary;
import dev.tally.poll.AccountState;
import dev.tally.provider.AccountField;
import dev.tally.provider.KeySlot;
import dev.tally.provider.ProviderCatalog;
import dev.tally.provider.ProviderInfo;
import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.ManualClock;
import dev.tally.testing.ManualScheduler;
import dev.tally.testing.MemorySecretStore;
import dev.tally.testing.ProviderHarness;
import dev.tally.ui.BalanceCardViewModel;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every supported provider of the catalog, end to end as the widget runs it: a fake server on 127.0.0.1 answers with the
 * provider's documented example ({@code providers/<id>/contract.properties}, as for the contract test), a real
 * accounts.json and keychain entries hold the account, the engine polls once through the real HTTP layer, and then what
 * a user sees is checked: the card's amount ({@code card.amount}, {@code card.currency} in the contract file), a
 * low-balance alert against a threshold above it (for providers that report what is left), and a history row in a real
 * SQLite file. A provider added to the catalog is covered by adding those two lines. Spend-only providers (OpenAI,
 * Anthropic) have nothing left to fall below a threshold: they must not alert. Under a second for all: not slow.
 */
class AllProvidersEndToEndTest {
    private static final ProviderCatalog CATALOG = ProviderCatalog.standard();
    private static final String KEY = "sk-e2e-0123456789abcdef0123";

    @TempDir
    Path home;

    static Stream<String> supported() {
        return CATALOG.supported().stream().map(i -> i.id().value());
    }

    private static Properties contract(String id) throws IOException {
        String name = "/providers/" + id + "/contract.properties";
        try (InputStream in = AllProvidersEndToEndTest.class.getResourceAsStream(name)) {
            if (in == null) {
                fail(id + " has no src/test/resources" + name);
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }

    private static final class NoActions implements BalanceCardViewModel.Actions {
        @Override
        public CompletionStage<?> refresh(String accountId) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void editKey(String accountId) {
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("supported")
    void onePollShowsTheAmountAlertsBelowTheThresholdAndWritesHistory(String id) throws IOException {
        Properties p = contract(id);
        ProviderInfo info = CATALOG.find(id).orElseThrow();
        String amount = p.getProperty("card.amount");
        String currency = p.getProperty("card.currency");
        assertTrue(amount != null && currency != null, id + "/contract.properties needs card.amount=<what the card "
                + "shows> and card.currency=<ISO code> for this test");

        ManualClock clock = new ManualClock(ProviderHarness.NOW);
        ManualScheduler scheduler = new ManualScheduler(clock);
        MemorySecretStore keychain = new MemorySecretStore();
        List<Alert> alerts = new ArrayList<>();
        try (FakeProviderServer server = FakeProviderServer.start()) {
            p.stringPropertyNames().stream().filter(k -> k.startsWith("ok.")).sorted()
                    .forEach(k -> server.fixture(k.substring(3), 200, id + "/" + p.getProperty(k)));
            // a URL field (a self-hosted relay or proxy) points at the fake server; else the account's base URL does
            Map<String, String> fields = new LinkedHashMap<>();
            boolean urlField = false;
            for (String k : p.stringPropertyNames()) {
                if (!k.startsWith("field.")) {
                    continue;
                }
                String fid = k.substring(6);
                String v = p.getProperty(k);
                AccountField f = info.field(fid).orElseThrow();
                if (f.check() == AccountField.URL) {
                    v = server.baseUrl() + URI.create(v).getRawPath();
                    urlField = true;
                }
                fields.put(fid, v);
            }
            KeySlot primary = info.keySlots().getFirst();
            for (KeySlot s : info.keySlots()) {
                keychain.write(s == primary ? id : id + "/" + s.name(), Secret.of(KEY));
            }
            // far above any example's amount: a provider that reports what is left alerts
            Money threshold = new Money(new BigDecimal("1000000000"), currency);
            Account account = new Account(id, info.id(), info.displayName(), null,
                    urlField ? null : server.baseUrl(), fields, threshold, 5);

            AppContext ctx = new AppContext(new AppDirs(home, home), Map.of(), clock, keychain);
            Engine engine = new Engine(ctx.engineServices(), alerts::add, scheduler, Runnable::run);
            try {
                ctx.accounts().save(List.of(account));
                engine.reload();
                scheduler.advance(Duration.ofSeconds(2));
                AccountState state = engine.poller().state(id).orElseThrow();
                assertEquals(AccountStatus.OK, state.lastStatus(), id + ": " + state.lastError());
                assertFalse(server.requests().isEmpty(), id + ": the fake server was asked");

                Instant now = clock.instant();
                List<WeekSummary> week = WeekSummary.of(ctx.history().reader(), id, Duration.ofMinutes(5), now);
                BalanceCardViewModel card = new BalanceCardViewModel(id, new NoActions(), Runnable::run, ZoneOffset.UTC);
                card.update(state, week, now, false);
                List<String> shown = card.amounts().stream().map(a -> a.amount() + " " + a.code()).toList();
                String spend = card.spendTextProperty().get();
                assertTrue(shown.contains(amount + " " + currency) || (shown.isEmpty() && spend.contains(amount)),
                        id + ": the card shows " + shown + " / spend '" + spend + "', expected " + amount + " " + currency);

                boolean low = alerts.stream().anyMatch(a -> a instanceof Alert.LowBalance || a instanceof Alert.Exhausted);
                if (info.reportsBalance()) {
                    assertTrue(low, id + ": below the threshold there is an alert: " + alerts);
                    boolean usedUp = card.amounts().stream().anyMatch(BalanceCardViewModel.AmountLine::empty);
                    // a used-up amount is marked Empty in red, not with an amber "below your alert" under it
                    assertTrue(usedUp || !card.lowTextProperty().get().isEmpty(),
                            id + ": the card says it is below the alert, or used up: " + card.amounts());
                } else {
                    assertFalse(low, id + ": spend only: nothing is left to fall below a threshold: " + alerts);
                }

                List<SnapshotRow> rows = ctx.history().reader().snapshots(id, currency, now.minusSeconds(60), now);
                assertEquals(1, rows.size(), id + ": one history row in " + currency + ": " + rows);
                assertTrue(Files.size(ctx.history().file()) > 0, "a real SQLite file: " + ctx.history().file());
                assertFalse(Files.readString(ctx.history().file(), StandardCharsets.ISO_8859_1).contains(KEY),
                        id + ": no key in the history file");
            } finally {
                engine.close();
                ctx.close();
            }
        }
    }
}
