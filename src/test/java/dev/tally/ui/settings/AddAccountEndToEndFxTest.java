package dev.tally.ui.settings;

import dev.tally.testing.Slow;
import atlantafx.base.theme.PrimerLight;
import dev.tally.account.PreferencesStore;
import dev.tally.app.AppContext;
import dev.tally.app.AppDirs;
import dev.tally.engine.Engine;
import dev.tally.autostart.NoAutostart;
import dev.tally.history.WeekSummary;
import dev.tally.poll.ExecutorScheduler;
import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.MemorySecretStore;
import dev.tally.testing.ProviderHarness;
import dev.tally.ui.MainViewModel;
import dev.tally.ui.MainWindow;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import static dev.tally.testing.FxTesting.reveal;
import static dev.tally.testing.FxTesting.waitUntil;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole path a person takes, headless: open Settings from the empty main window, add a DeepSeek account
 * with its key (fake DeepSeek on 127.0.0.1), save — and the main window shows its card with the right amount,
 * fetched by the real engine with the key that went to the keychain.
 */
@ExtendWith(ApplicationExtension.class)
@Slow
class AddAccountEndToEndFxTest {
    private static final String KEY = ProviderHarness.CANARY;
    private final MemorySecretStore keychain = new MemorySecretStore();
    private final ExecutorService io = Executors.newSingleThreadExecutor();
    private final ExecutorService fetchers = Executors.newVirtualThreadPerTaskExecutor();
    private final ExecutorScheduler scheduler = new ExecutorScheduler();
    private FakeProviderServer server;
    private AppContext ctx;
    private Engine engine;
    private MainViewModel main;
    private Stage mainStage;
    private SettingsViewModel settingsVm;

    @Start
    void start(Stage stage) throws Exception {
        Path home = Files.createTempDirectory("tally-e2e");
        server = FakeProviderServer.start();
        server.handle("/user/balance", ex -> {
            boolean ok = ("Bearer " + KEY).equals(ex.getRequestHeaders().getFirst("Authorization"));
            byte[] body = (ok ? dev.tally.testing.Fixtures.read("deepseek/balance.json") : "{\"error\":{\"message\":\"bad key\"}}")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(ok ? 200 : 401, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        ctx = new AppContext(new AppDirs(home, home), Map.of(), Clock.systemUTC(), keychain);
        engine = new Engine(ctx.engineServices(), alert -> { }, scheduler, fetchers);
        main = new MainViewModel(new dev.tally.ui.IdleActions() {
            @Override
            public CompletionStage<?> refresh(String id) {
                return engine.poller().refresh(id).orElseThrow();
            }

            @Override
            public void openSettings() {
                SettingsDialog d = new SettingsDialog(settingsVm, mainStage);
                d.show();
            }
        }, Platform::runLater, ZoneId.of("UTC"));
        engine.addListener((o, s) -> Platform.runLater(() -> main.applyOne(s, List.<WeekSummary>of(), Clock.systemUTC().instant())));
        settingsVm = new SettingsViewModel(new SettingsViewModel.Services(ctx.catalog(), ctx.accounts(), ctx::secrets,
                (t, c) -> ctx.fetcher().fetch(t, c), new PreferencesStore(home, Clock.systemUTC()),
                new NoAutostart("not in tests"), List.of(), io, Platform::runLater));
        settingsVm.setOnSaved(r -> io.execute(() -> {
            engine.reload();
            r.keysChanged().forEach(engine.poller()::keyChanged);
            Platform.runLater(() -> main.apply(engine.poller().states(), Map.of(), Clock.systemUTC().instant()));
        }));
        engine.reload();
        main.apply(engine.poller().states(), Map.of(), Clock.systemUTC().instant());
        mainStage = stage;
        new MainWindow(stage, main);
        stage.show();
    }

    @AfterEach
    void stop() {
        engine.close();
        scheduler.close();
        fetchers.shutdownNow();
        io.shutdownNow();
        server.close();
    }

    @Test
    void addingAnAccountInSettingsShowsItsCardWithTheAmount(FxRobot robot) {
        assertTrue(main.emptyProperty().get());
        robot.clickOn("Add account…");
        waitUntil(() -> !settingsVm.loadingProperty().get() && settingsVm.keychain().stateProperty().get() != null);
        robot.clickOn("#settings-provider");
        Node cell = robot.lookup(".list-cell").<ListCell<?>>queryAll().stream()
                .filter(c -> "DeepSeek".equals(c.getText())).findFirst().orElseThrow();
        robot.clickOn(cell);
        waitUntil(() -> settingsVm.form().providerProperty().get() != null);
        robot.clickOn("#settings-label").push(KeyCode.CONTROL, KeyCode.A).write("DeepSeek (work)");
        robot.clickOn("#settings-key-api").write(KEY);
        reveal(robot, "#settings-advanced");
        robot.clickOn("Advanced");
        reveal(robot, "#settings-base-url");
        robot.clickOn("#settings-base-url").write(server.baseUrl().toString());
        robot.clickOn("#settings-save");
        waitUntil(() -> settingsVm.statusProperty().get().startsWith("Saved"));

        waitUntil(() -> labels(robot).contains("¥110.00"));
        assertFalse(main.emptyProperty().get());
        String shown = labels(robot);
        assertTrue(shown.contains("DeepSeek (work)"), shown);
        waitUntil(() -> labels(robot).contains("Live"));
        assertEquals("Bearer " + KEY, server.lastRequest().header("Authorization"));
        String id = ctx.accounts().load().accounts().getFirst().id();
        assertEquals("deepseek-work", id);
        assertTrue(keychain.read(id).isPresent(), "the key went to the keychain: " + keychain);
    }

    private static String labels(FxRobot robot) {
        StringBuilder sb = new StringBuilder();
        for (Node n : robot.lookup(".card-amount").queryAll()) {
            sb.append(((Label) n).getText()).append('\n');
        }
        for (Node n : robot.lookup(".card-title").queryAll()) {
            sb.append(((Label) n).getText()).append('\n');
        }
        for (Node n : robot.lookup(".badge").queryAll()) {
            sb.append(((Label) n).getText()).append('\n');
        }
        return sb.toString();
    }


}
