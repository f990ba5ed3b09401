package dev.tally.ui;

import dev.tally.testing.Slow;
import dev.tally.account.Account;
import dev.tally.core.ProviderId;
import dev.tally.poll.AccountState;
import dev.tally.poll.BalanceFetcher;
import dev.tally.poll.ExecutorScheduler;
import dev.tally.poll.FetchTarget;
import dev.tally.poll.Poller;
import dev.tally.provider.HttpFetch;
import dev.tally.provider.ProviderCatalog;
import dev.tally.secret.KeyResolver;
import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.ProviderHarness;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real main window, headless (Monocle), fed by a real poller talking HTTP to a fake DeepSeek. */
@ExtendWith(ApplicationExtension.class)
@Slow
class MainWindowFxTest {
    private final FakeProviderServer server = FakeProviderServer.start();
    private final ExecutorService fetchers = Executors.newVirtualThreadPerTaskExecutor();
    private final ExecutorScheduler scheduler = new ExecutorScheduler();
    private Poller poller;
    private MainViewModel vm;

    @Start
    void start(Stage stage) {
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        ProviderCatalog catalog = ProviderCatalog.standard();
        Clock clock = Clock.systemUTC();
        BalanceFetcher fetcher = new BalanceFetcher(catalog, new KeyResolver(Map.of("DEEPSEEK_API_KEY", ProviderHarness.CANARY)),
                new HttpFetch("test"), clock);
        poller = new Poller(fetcher, scheduler, fetchers, clock, new Random(1), 4);
        vm = new MainViewModel(new IdleActions() {
            @Override
            public CompletionStage<?> refresh(String id) {
                return poller.refresh(id).orElseThrow();
            }
        }, Platform::runLater, ZoneId.of("UTC"));
        poller.addListener((o, s) -> Platform.runLater(() -> vm.applyOne(s, List.of(), clock.instant())));
        Account a = new Account("ds", ProviderId.of("deepseek"), "DeepSeek (work)", null, URI.create(server.baseUrl().toString()),
                null, null, 60);
        poller.setTargets(List.of(FetchTarget.of(a, catalog.find("deepseek").orElseThrow())), Map.of());
        List<AccountState> states = poller.states();
        vm.apply(states, Map.of(), clock.instant());
        new MainWindow(stage, vm);
        stage.show();
    }

    @AfterEach
    void stop() {
        poller.close();
        scheduler.close();
        fetchers.shutdownNow();
        server.close();
    }

    private static String texts(FxRobot robot) {
        StringBuilder sb = new StringBuilder();
        for (Node n : robot.lookup(".label").queryAll()) {
            sb.append(((Label) n).getText()).append('\n');
        }
        return sb.toString();
    }

    private static void waitFor(FxRobot robot, String text) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> texts(robot).contains(text));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("'" + text + "' never appeared; the window shows:\n" + texts(robot));
        }
    }

    @Test
    void cardShowsTheAmountAndAFailedRefreshKeepsItWithAnErrorBadge(FxRobot robot) throws Exception {
        server.fixture("/user/balance", 200, "deepseek/balance.json");
        robot.clickOn("Refresh all");
        waitFor(robot, "¥110.00");
        // the amount arrives with the poll, the badge when the refresh has finished: a moment later on a busy machine
        waitFor(robot, "Live");
        String shown = texts(robot);
        assertTrue(shown.contains("DeepSeek (work)"), shown);
        assertTrue(shown.contains("paid ¥100.00 · granted ¥10.00"), shown);
        assertTrue(shown.contains("Live"), shown);

        server.json("/user/balance", 503, "{\"error\":{\"message\":\"Service overloaded\"}}");
        robot.clickOn(".card-refresh");
        waitFor(robot, "Error: provider error");
        shown = texts(robot);
        assertTrue(shown.contains("¥110.00"), "the old amount stays: " + shown);
        Label badge = robot.lookup(".badge").queryAs(Label.class);
        assertTrue(badge.getTooltip().getText().contains("Service overloaded"), badge.getTooltip().getText());
        assertTrue(badge.getStyleClass().contains("badge-error"));
        assertEquals(2, server.requests().size());
    }

    @Test
    void anAddedAccountKeepsTheCardsAlreadyShown(FxRobot robot) {
        Node before = robot.lookup(".balance-card").query();
        Platform.runLater(() -> {
            ProviderCatalog catalog = ProviderCatalog.standard();
            Account a = new Account("ds", ProviderId.of("deepseek"), "DeepSeek (work)", null,
                    URI.create(server.baseUrl().toString()), null, null, 60);
            Account b = new Account("ds2", ProviderId.of("deepseek"), "DeepSeek (home)", null,
                    URI.create(server.baseUrl().toString()), null, null, 60);
            poller.setTargets(List.of(FetchTarget.of(a, catalog.find("deepseek").orElseThrow()),
                    FetchTarget.of(b, catalog.find("deepseek").orElseThrow())), Map.of());
            vm.apply(poller.states(), Map.of(), Clock.systemUTC().instant());
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<Node> cards = List.copyOf(robot.lookup(".balance-card").queryAll());
        assertEquals(2, cards.size());
        assertTrue(cards.contains(before), "the first account's card is the same node, not a new one beside its old listeners");
    }
}
