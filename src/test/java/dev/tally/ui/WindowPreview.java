package dev.tally.ui;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A throwaway main window for looking at (e.g. with {@code desktop-shot}); not a test. Twelve mixed accounts
 * ({@link MixedAccounts}) at the default 380×560, placed at 100,100 so a shot can be cropped to it.
 * Arguments: {@code compact} (default) or {@code cards}.
 */
public final class WindowPreview {
    private WindowPreview() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The JavaFX application behind {@link #main}. */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            List<String> args = getParameters().getRaw();
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            MainViewModel vm = new MainViewModel(new MainViewModel.Actions() {
                @Override
                public CompletionStage<?> refresh(String id) {
                    return CompletableFuture.completedFuture(null);
                }

                @Override
                public void editKey(String id) {
                }

                @Override
                public void openSettings() {
                }

                @Override
                public void importFromEnvironment() {
                }

                @Override
                public boolean canOpen() {
                    return true;
                }
            }, Platform::runLater, ZoneOffset.UTC);
            Instant now = Instant.now();
            vm.setCompactChoice(args.contains("cards") ? Boolean.FALSE : null);
            vm.apply(MixedAccounts.twelve(now), Map.of(), now);
            new MainWindow(stage, vm);
            stage.setX(100);
            stage.setY(100);
            stage.show();
        }
    }
}
