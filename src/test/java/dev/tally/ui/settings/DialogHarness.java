package dev.tally.ui.settings;

import atlantafx.base.theme.PrimerLight;
import dev.tally.secret.SecretStore;
import javafx.application.Application;
import javafx.application.Platform;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real settings dialog for TestFX tests: real stores in a temporary folder ({@link SettingsFixture}), a
 * background thread of its own, the light theme; {@link #close} closes the window and deletes the folder.
 * Create it in a test's {@code @Start} (FX thread).
 */
final class DialogHarness implements AutoCloseable {
    final Path home;
    final SettingsFixture fx;
    private final ExecutorService background;
    SettingsViewModel vm;
    SettingsDialog dialog;

    DialogHarness(String name) throws IOException {
        home = Files.createTempDirectory(name);
        fx = new SettingsFixture(home);
        background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Builds the view model and the dialog on {@code keychain} (not shown yet). */
    SettingsDialog open(SecretStore keychain) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        vm = new SettingsViewModel(fx.services(keychain, fx.autostart, background, Platform::runLater));
        dialog = new SettingsDialog(vm, null);
        return dialog;
    }

    @Override
    public void close() throws Exception {
        if (dialog != null) {
            WaitForAsyncUtils.asyncFx(() -> dialog.stage().close()).get(5, TimeUnit.SECONDS);
        }
        background.shutdownNow();
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
