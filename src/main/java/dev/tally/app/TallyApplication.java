package dev.tally.app;

import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import java.time.Clock;

/**
 * The desktop app. For now a small window that says how many accounts are configured and how to see
 * their balances from the command line; the tray widget replaces it.
 */
public final class TallyApplication extends Application {
    @Override
    public void start(Stage stage) {
        AppContext ctx = new AppContext(AppDirs.resolve(null, System.getenv()), System.getenv(), Clock.systemUTC());
        int n = ctx.accounts().load().accounts().size();
        Label title = new Label("Tally");
        title.setStyle("-fx-font-size: 20px; -fx-font-weight: bold;");
        Label body = new Label(n == 0
                ? "No accounts yet. Add one with:\n  tally accounts add --provider deepseek\nor check a key now with:\n  tally balance deepseek"
                : n + (n == 1 ? " account" : " accounts") + " configured.\nSee their balances with: tally balance");
        VBox root = new VBox(12, title, body);
        root.setPadding(new Insets(16));
        stage.setTitle("Tally");
        stage.setScene(new Scene(root, 380, 200));
        stage.show();
    }
}
