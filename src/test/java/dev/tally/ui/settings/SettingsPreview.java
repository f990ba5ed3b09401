package dev.tally.ui.settings;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.tally.account.Account;
import dev.tally.core.Money;
import dev.tally.core.ProviderId;
import dev.tally.core.Secret;
import dev.tally.secret.UnavailableSecretStore;
import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.MemorySecretStore;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A throwaway window for looking at the settings dialog (e.g. with {@code desktop-shot}); not a test.
 * Everything lives in a temporary folder and talks to a fake DeepSeek on 127.0.0.1.
 *
 * <p>Arguments: {@code new-tested} (default: a new DeepSeek account after a successful Test), {@code existing}
 * (two saved accounts, the first open), {@code providers} (the provider list open), {@code general},
 * {@code no-keychain} (a desktop without a keychain), {@code invalid} (validation messages), {@code xai} (a new xAI
 * account with its team id typed: a provider-declared field), {@code estimate} (a new OpenAI account with its key from
 * 1Password and a known top-up); add {@code dark}
 * for the dark theme, {@code bottom} to scroll the accounts tab to its end, {@code hidden} to tick "hide amounts".
 */
public final class SettingsPreview {
    private SettingsPreview() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The JavaFX application behind {@link #main}. */
    public static final class App extends Application {
        @Override
        public void start(Stage primary) throws Exception {
            List<String> args = getParameters().getRaw();
            String scene = args.stream().filter(a -> !a.equals("dark") && !a.equals("bottom") && !a.equals("hidden"))
                    .findFirst().orElse("new-tested");
            Application.setUserAgentStylesheet(args.contains("dark") ? new PrimerDark().getUserAgentStylesheet()
                    : new PrimerLight().getUserAgentStylesheet());
            Path home = Files.createTempDirectory("tally-preview");
            FakeProviderServer server = FakeProviderServer.start().fixture("/user/balance", 200, "deepseek/balance.json");
            SettingsFixture fx = new SettingsFixture(home);
            MemorySecretStore keychain = new MemorySecretStore("GNOME Keyring (Secret Service)");
            if (scene.equals("existing")) {
                fx.accounts.save(List.of(
                        new Account("deepseek-work", ProviderId.of("deepseek"), "DeepSeek (work)", null, null, null,
                                Money.of("5.00", "CNY"), 5),
                        new Account("moonshot", ProviderId.of("moonshot"), "Kimi", "china", null, null, null, 15),
                        new Account("openrouter", ProviderId.of("openrouter"), "OpenRouter", null, null, null,
                                Money.of("2", "USD"), 10)));
                keychain.write("deepseek-work", Secret.of("sk-4f1c9e2b7a3d44e1b6c8d2f0a9e1b7c3"));
            }
            ExecutorService background = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "tally-settings-preview");
                t.setDaemon(true);
                return t;
            });
            SettingsViewModel vm = new SettingsViewModel(fx.services(
                    scene.equals("no-keychain")
                            ? new UnavailableSecretStore("no D-Bus session bus: DBUS_SESSION_BUS_ADDRESS is not set")
                            : keychain,
                    fx.autostart, background, Platform::runLater));
            SettingsDialog dialog = new SettingsDialog(vm, null);
            dialog.stage().setOnHidden(e -> {
                server.close();
                Platform.exit();
            });
            dialog.show();
            dialog.stage().setX(40);
            dialog.stage().setY(40);
            vm.loadingProperty().addListener((o, was, loading) -> {
                if (!loading) {
                    Platform.runLater(() -> {
                        prepare(scene, vm, dialog, server.baseUrl());
                        if (args.contains("hidden")) {
                            vm.general().hideAmountsProperty().set(true);
                        }
                        if (args.contains("bottom")) {
                            Platform.runLater(() -> dialog.stage().getScene().getRoot().lookupAll(".scroll-pane").forEach(n ->
                                    ((javafx.scene.control.ScrollPane) n).setVvalue(1)));
                        }
                    });
                }
            });
        }

        private static void prepare(String scene, SettingsViewModel vm, SettingsDialog dialog, URI fake) {
            switch (scene) {
                case "new-tested", "no-keychain" -> {
                    vm.form().chooseProvider(vm.form().providerChoices().getFirst());
                    vm.form().labelProperty().set("DeepSeek (work)");
                    vm.form().keyFields().getFirst().textProperty().set("sk-4f1c9e2b7a3d44e1b6c8d2f0a9e1b7c3");
                    vm.form().thresholdProperty().set("5");
                    vm.form().thresholdCurrencyProperty().set("CNY");
                    vm.form().baseUrlProperty().set(fake.toString());
                    vm.connection().test();
                    // the fake's loopback address is not what people would see: fold it away for the picture
                    dialog.stage().getScene().getRoot().lookupAll(".settings-advanced").forEach(n ->
                            ((javafx.scene.control.TitledPane) n).setExpanded(false));
                }
                case "xai" -> {
                    vm.form().chooseProvider(vm.form().providerChoices().stream().filter(c -> c.id().value().equals("xai")).findFirst()
                            .orElseThrow());
                    vm.form().labelProperty().set("xAI (work)");
                    vm.form().field("team_id").textProperty().set("team-4f2a");
                    vm.form().thresholdProperty().set("10");
                }
                case "estimate" -> {
                    vm.form().chooseProvider(vm.form().providerChoices().stream().filter(c -> c.id().value().equals("openai"))
                            .findFirst().orElseThrow());
                    vm.form().labelProperty().set("OpenAI (org)");
                    vm.form().keySource().usePreset(KeySourceViewModel.PRESETS.getFirst());
                    vm.form().topUp().amountProperty().set("120 USD");
                    vm.form().topUp().dateProperty().set("2026-11-30");
                    vm.form().thresholdProperty().set("20");
                }
                case "invalid" -> {
                    vm.form().chooseProvider(vm.form().providerChoices().get(2));
                    vm.form().labelProperty().set("");
                    vm.form().keyFields().getFirst().textProperty().set("sk-abc\u0007");
                    vm.form().thresholdProperty().set("lots");
                    vm.form().intervalProperty().set("0");
                    vm.form().baseUrlProperty().set("http://proxy.example.com");
                }
                case "providers" -> dialog.stage().getScene().getRoot().lookupAll("#settings-provider").forEach(n ->
                        ((javafx.scene.control.ComboBox<?>) n).show());
                case "general" -> dialog.stage().getScene().getRoot().lookupAll(".tab-pane").forEach(n ->
                        ((javafx.scene.control.TabPane) n).getSelectionModel().select(1));
                default -> {
                }
            }
        }
    }
}
