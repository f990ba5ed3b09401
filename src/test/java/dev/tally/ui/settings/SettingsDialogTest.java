package dev.tally.ui.settings;

import dev.tally.testing.Slow;
import dev.tally.account.Account;
import dev.tally.core.Secret;
import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.MemorySecretStore;
import dev.tally.testing.ProviderHarness;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
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

import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real dialog, headless (Monocle), against a fake DeepSeek on 127.0.0.1 and a keychain double. */
@ExtendWith(ApplicationExtension.class)
@Slow
class SettingsDialogTest {
    private static final String KEY = ProviderHarness.CANARY;

    private FakeProviderServer server;
    private final MemorySecretStore keychain = new MemorySecretStore();
    private DialogHarness h;
    private SettingsFixture fx;
    private SettingsViewModel vm;
    private SettingsDialog dialog;

    @Start
    void start(Stage primary) throws IOException {
        h = new DialogHarness("tally-settings-ui");
        server = FakeProviderServer.start().fixture("/user/balance", 200, "deepseek/balance.json");
        fx = h.fx;
        dialog = h.open(keychain);
        vm = h.vm;
        dialog.show();
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
        server.close();
    }

    @Test
    void addADeepSeekAccountTestItsKeyAndSaveIt(FxRobot robot) throws Exception {
        waitUntil(() -> !vm.loadingProperty().get() && vm.keychain().stateProperty().get() != null);
        pickProvider(robot, "DeepSeek");

        robot.clickOn("#settings-label").push(KeyCode.CONTROL, KeyCode.A).write("DeepSeek (work)");
        robot.clickOn("#settings-key-api").write(KEY);
        reveal(robot, "#settings-advanced");
        robot.clickOn("Advanced");
        reveal(robot, "#settings-base-url");
        robot.clickOn("#settings-base-url").write(server.baseUrl().toString());

        reveal(robot, "#settings-test");
        robot.clickOn("#settings-test");
        Label result = robot.lookup("#settings-test-result").queryAs(Label.class);
        waitUntil(() -> result.getText().startsWith("OK"));
        assertEquals("OK — ¥110.00", result.getText(), "money written like the cards");
        assertTrue(result.getStyleClass().contains("settings-test-ok"));
        assertEquals("Bearer " + KEY, server.lastRequest().header("Authorization"), "the typed key was used");

        robot.clickOn("#settings-save");
        Label status = robot.lookup("#settings-status").queryAs(Label.class);
        waitUntil(() -> status.getText().startsWith("Saved"));
        assertEquals("Saved DeepSeek (work) and its key.", status.getText());

        Account a = fx.accounts.load().accounts().getFirst();
        assertEquals("deepseek-work", a.id());
        assertEquals("DeepSeek (work)", a.label());
        assertEquals(server.baseUrl(), a.baseUrl());
        assertEquals(Optional.of(Secret.of(KEY)), keychain.read("deepseek-work"));
        assertFalse(Files.readString(fx.accounts.file()).contains("CANARY"));
        assertEquals("DeepSeek (work)", robot.lookup(".settings-account-title").queryAs(Label.class).getText(),
                "the new account is in the list");
        assertTrue(robot.lookup("#settings-save").queryAs(Button.class).isDisabled(), "nothing left to save");
    }

    @Test
    void unsupportedProvidersAreGreyedWithTheirReason(FxRobot robot) {
        waitUntil(() -> !vm.loadingProperty().get());
        robot.clickOn("#settings-provider");
        // the list is longer than the popup: bring Groq into view, so its cell exists
        javafx.scene.control.ListView<?> list = robot.lookup(".list-view").<javafx.scene.control.ListView<?>>queryAll()
                .stream().filter(l -> l.getScene() != dialog.stage().getScene()).findFirst().orElseThrow();
        int groqAt = 0;
        while (groqAt < list.getItems().size()
                && !((AccountFormViewModel.ProviderChoice) list.getItems().get(groqAt)).name().equals("Groq")) {
            groqAt++;
        }
        int index = groqAt;
        robot.interact(() -> list.scrollTo(index));
        ListCell<?> groq = robot.lookup(".list-cell:unsupported").<ListCell<?>>queryAll().stream()
                .filter(c -> c.getAccessibleText() != null && c.getAccessibleText().startsWith("Groq")).findFirst().orElseThrow();
        assertTrue(groq.isDisabled(), "cannot be picked");
        assertTrue(groq.getAccessibleText().contains("Groq has no API for balance"), groq.getAccessibleText());
        robot.push(KeyCode.ESCAPE);
    }

    @Test
    void enterSavesAndEscapeCloses(FxRobot robot) {
        waitUntil(() -> !vm.loadingProperty().get());
        pickProvider(robot, "OpenRouter");
        robot.clickOn("#settings-label").push(KeyCode.CONTROL, KeyCode.A).write("OpenRouter (home)");
        robot.push(KeyCode.ENTER);
        waitUntil(() -> vm.statusProperty().get().startsWith("Saved"));
        assertEquals("openrouter-home", fx.accounts.load().accounts().getFirst().id());
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(dialog.stage().isShowing());
    }

    @Test
    void aNewAccountFormOpensCleanWithItsPromptsShowing(FxRobot robot) {
        waitUntil(() -> !vm.loadingProperty().get());
        ComboBox<?> provider = robot.lookup("#settings-provider").queryAs(ComboBox.class);
        assertEquals("Choose a provider", provider.getButtonCell().getText(), "the empty provider box says what to do");
        assertTrue(robot.lookup(".settings-error").queryAll().stream().noneMatch(Node::isVisible),
                "no red message on a form nobody touched");

        pickProvider(robot, "DeepSeek");
        ComboBox<?> currency = robot.lookup("#settings-currency").queryAs(ComboBox.class);
        robot.interact(() -> vm.form().thresholdCurrencyProperty().set("CNY"));
        robot.interact(() -> vm.form().thresholdCurrencyProperty().set(null));
        assertEquals("Currency", currency.getButtonCell().getText(), "the prompt comes back once the choice is cleared");

        robot.clickOn("#settings-label").push(KeyCode.CONTROL, KeyCode.A).push(KeyCode.BACK_SPACE);
        waitUntil(() -> robot.lookup(".settings-error").queryAll().stream().anyMatch(n -> n.isVisible()
                && ((Label) n).getText().startsWith("Give the account a label")));
    }

    @Test
    void theAccountListShowsFourAccountsAndTheBaseUrlLinesUpWithTheOtherFields(FxRobot robot) {
        waitUntil(() -> !vm.loadingProperty().get());
        fx.accounts.save(java.util.List.of(
                new Account("a", dev.tally.core.ProviderId.of("deepseek"), "DeepSeek (work)", null, null, null,
                        dev.tally.core.Money.of("5", "CNY"), 5),
                new Account("b", dev.tally.core.ProviderId.of("openrouter"), "OpenRouter", null, null, null, null, 5),
                new Account("c", dev.tally.core.ProviderId.of("novita"), "Novita", null, null, null, null, 5),
                new Account("d", dev.tally.core.ProviderId.of("deepseek"), "DeepSeek (home)", null,
                        java.net.URI.create("https://proxy.example.com"), null, null, 5)));
        robot.interact(() -> vm.load("d"));
        waitUntil(() -> !vm.loadingProperty().get() && "d".equals(vm.form().editingIdProperty().get()));

        javafx.scene.control.ListView<?> list = robot.lookup(".settings-account-list").queryAs(javafx.scene.control.ListView.class);
        Bounds inList = list.localToScreen(list.getBoundsInLocal());
        long shown = robot.lookup(".settings-account-title").queryAll().stream()
                .filter(n -> inList.contains(n.localToScreen(n.getBoundsInLocal()))).count();
        assertEquals(4, shown, "four accounts fit without scrolling");

        assertTrue(robot.lookup("#settings-advanced").queryAs(javafx.scene.control.TitledPane.class).isExpanded(),
                "an account with a base URL shows it");
        double label = robot.lookup("#settings-label").query().localToScene(0, 0).getX();
        double url = robot.lookup("#settings-base-url").query().localToScene(0, 0).getX();
        assertEquals(label, url, 1.0, "the base URL field starts where the other fields start");

        robot.interact(() -> vm.form().edit("b"));
        assertFalse(robot.lookup("#settings-advanced").queryAs(javafx.scene.control.TitledPane.class).isExpanded(),
                "Advanced is not left open from the account before");
    }

    @Test
    void closingWithUnsavedChangesAsksFirst(FxRobot robot) {
        waitUntil(() -> !vm.loadingProperty().get());
        pickProvider(robot, "DeepSeek");
        robot.clickOn("#settings-key-api").write(KEY);
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(dialog.stage().isShowing(), "Esc does not throw the typed key away unasked");
        Label question = robot.lookup(".dialog-pane .content").queryAs(Label.class);
        assertEquals("The account form has changes that are not saved, including the key you typed.", question.getText());
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(dialog.stage().isShowing());
        assertEquals(KEY, vm.form().keyFields().getFirst().textProperty().get(), "still there after Cancel");

        robot.clickOn("Close");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Discard changes");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(dialog.stage().isShowing(), "closed once the user chose to discard");
    }

    @Test
    void testKeepsTheKeyboardFocusAndHasAMnemonicOfItsOwn(FxRobot robot) {
        fx.accounts.save(java.util.List.of(new Account("deepseek", dev.tally.core.ProviderId.of("deepseek"), "DeepSeek",
                null, server.baseUrl(), null, null, 5)));
        robot.interact(() -> vm.load());
        waitUntil(() -> !vm.loadingProperty().get() && "deepseek".equals(vm.form().editingIdProperty().get()));
        robot.clickOn("#settings-key-api").write(KEY);
        Button test = robot.lookup("#settings-test").queryAs(Button.class);
        robot.push(KeyCode.ALT, KeyCode.T);
        Label result = robot.lookup("#settings-test-result").queryAs(Label.class);
        waitUntil(() -> result.getText().startsWith("OK"));
        assertTrue(test.isFocused(), "Alt+T pressed Test and the focus is on it, not in the alert field");
        robot.type(KeyCode.DIGIT7);
        assertEquals("", vm.form().thresholdProperty().get(), "a keystroke after a test does not edit the alert level");

        java.util.Map<Character, java.util.List<String>> letters = new java.util.TreeMap<>();
        java.util.List<Node> labelled = new java.util.ArrayList<>();
        for (String kind : java.util.List.of(".label", ".button", ".check-box", ".radio-button")) {
            labelled.addAll(robot.lookup(kind).queryAll());
        }
        for (Node n : labelled) {
            javafx.scene.control.Labeled l = (javafx.scene.control.Labeled) n;
            int at = l.getText() == null ? -1 : l.getText().indexOf('_');
            if (l.isMnemonicParsing() && at >= 0 && at + 1 < l.getText().length()) {
                letters.computeIfAbsent(Character.toLowerCase(l.getText().charAt(at + 1)), c -> new java.util.ArrayList<>())
                        .add(l.getText());
            }
        }
        assertEquals(java.util.List.of("_Test"), letters.get('t'));
        assertEquals(java.util.List.of("Team _id"), letters.get('i'));
        letters.values().removeIf(v -> v.size() < 2);
        assertEquals(java.util.Map.of(), letters, "every Alt+letter reaches one control");
    }

    @Test
    void theLabelColumnFitsItsLongestLabel(FxRobot robot) {
        waitUntil(() -> !vm.loadingProperty().get());
        pickProvider(robot, "OpenRouter");
        WaitForAsyncUtils.waitForFxEvents();
        java.util.List<Label> labels = robot.lookup(".settings-field-label").queryAllAs(Label.class).stream()
                .filter(Node::isVisible).toList();
        assertTrue(labels.stream().anyMatch(l -> l.getText().equals("_Management key")));
        assertEquals(java.util.List.of(), labels.stream().filter(Label::isTextTruncated).map(Label::getText).toList(),
                "no label is cut short");
        double label = robot.lookup("#settings-label").query().localToScene(0, 0).getX();
        double key = robot.lookup("#settings-key-management").query().localToScene(0, 0).getX();
        assertEquals(label, key, 1.0, "and the fields still line up");
    }

    @Test
    void enterInTheProviderBoxDoesNotSave(FxRobot robot) {
        waitUntil(() -> !vm.loadingProperty().get());
        pickProvider(robot, "DeepSeek");
        robot.clickOn("#settings-provider");
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#settings-provider").query().isFocused(), "the provider box has the focus");
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(dialog.stage().isShowing());
        assertEquals(java.util.List.of(), fx.accounts.load().accounts(), "Enter in the provider box saved nothing");
        assertFalse(vm.statusProperty().get().startsWith("Saved"), vm.statusProperty().get());
    }

    @Test
    void editKeyOpensTheAccountWithItsKeyFieldFocusedAndReopeningKeepsTheSelection(FxRobot robot) {
        waitUntil(() -> !vm.loadingProperty().get());
        java.util.List<Account> many = new java.util.ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            many.add(new Account("ds-" + i, dev.tally.core.ProviderId.of("deepseek"), "DeepSeek " + i, null, null, null,
                    null, 5));
        }
        fx.accounts.save(many);
        robot.interact(() -> dialog.show("ds-11"));
        waitUntil(() -> !vm.loadingProperty().get() && "ds-11".equals(vm.form().editingIdProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> robot.lookup("#settings-key-api").query().isFocused());

        robot.interact(() -> dialog.stage().hide());
        robot.interact(() -> dialog.show());
        waitUntil(() -> !vm.loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("ds-11", vm.form().editingIdProperty().get(), "the account open before is open again");
        javafx.scene.control.ListView<?> list = robot.lookup(".settings-account-list").queryAs(javafx.scene.control.ListView.class);
        assertEquals("ds-11", ((AccountListViewModel.AccountRow) list.getSelectionModel().getSelectedItem()).id(),
                "and selected in the list");
        Bounds inList = list.localToScreen(list.getBoundsInLocal());
        assertTrue(robot.lookup(".settings-account-title").queryAllAs(Label.class).stream()
                .filter(l -> l.getText().equals("DeepSeek 11"))
                .anyMatch(l -> inList.contains(l.localToScreen(l.getBoundsInLocal()))), "scrolled to it");
    }

    @Test
    void theRemoveConfirmationDefaultsToCancel(FxRobot robot) {
        fx.accounts.save(java.util.List.of(new Account("deepseek", dev.tally.core.ProviderId.of("deepseek"), "DeepSeek",
                null, null, null, null, 5)));
        robot.interact(() -> vm.load());
        waitUntil(() -> !vm.loadingProperty().get() && "deepseek".equals(vm.form().editingIdProperty().get()));
        robot.clickOn("#settings-remove");
        WaitForAsyncUtils.waitForFxEvents();
        Button cancel = robot.lookup(".dialog-pane .button").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().equals("Cancel")).findFirst().orElseThrow();
        assertTrue(cancel.isDefaultButton(), "Cancel is the default button");
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, fx.accounts.load().accounts().size(), "Enter on the confirmation removed nothing");
    }

    @Test
    void saveIsDisabledUntilTheFormIsValid(FxRobot robot) {
        waitUntil(() -> !vm.loadingProperty().get());
        Button save = robot.lookup("#settings-save").queryAs(Button.class);
        assertTrue(save.isDisabled(), "a new form with no provider cannot be saved");
        pickProvider(robot, "DeepSeek");
        robot.clickOn("#settings-label").push(KeyCode.CONTROL, KeyCode.A).write("DeepSeek (work)");
        robot.clickOn("#settings-key-api").write(KEY);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(save.isDisabled(), "provider, label and key: the form is valid");
        robot.clickOn("#settings-threshold").write("abc");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(save.isDisabled(), "an alert level that is not a number: " + vm.form().thresholdErrorProperty().get());
        Node threshold = robot.lookup("#settings-threshold").query();
        assertTrue(threshold.getPseudoClassStates().contains(atlantafx.base.theme.Styles.STATE_DANGER),
                "the field is decorated as wrong while it is");
        robot.clickOn("#settings-threshold").push(KeyCode.CONTROL, KeyCode.A).write("5");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(save.isDisabled(), "a number without its currency: " + vm.form().thresholdErrorProperty().get());
        robot.push(KeyCode.CONTROL, KeyCode.A).push(KeyCode.BACK_SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(save.isDisabled(), "no alert level is fine: " + vm.form().thresholdErrorProperty().get());
        assertFalse(threshold.getPseudoClassStates().contains(atlantafx.base.theme.Styles.STATE_DANGER),
                "and the decoration is gone");
        robot.clickOn("#settings-label").push(KeyCode.CONTROL, KeyCode.A).push(KeyCode.BACK_SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(save.isDisabled(), "an empty label: " + vm.form().labelErrorProperty().get());
    }

    @Test
    void aWarningFromAFailedSaveIsGoneAfterASuccessfulOne(FxRobot robot) {
        waitUntil(() -> !vm.loadingProperty().get() && vm.keychain().stateProperty().get() != null);
        pickProvider(robot, "DeepSeek");
        robot.clickOn("#settings-label").push(KeyCode.CONTROL, KeyCode.A).write("DeepSeek (work)");
        robot.clickOn("#settings-key-api").write(KEY);
        keychain.makeUnavailable("locked by the test");
        robot.clickOn("#settings-save");
        Label status = robot.lookup("#settings-status").queryAs(Label.class);
        waitUntil(() -> !vm.statusProperty().get().startsWith("Saving"));
        assertTrue(status.getStyleClass().contains("settings-status-error"), "the failed key write is reported: "
                + status.getText());
        String warning = status.getText();

        keychain.makeAvailable();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(KEY, robot.lookup("#settings-key-api").queryAs(javafx.scene.control.TextInputControl.class).getText(),
                "the key that was not stored is still in its field");
        robot.clickOn("#settings-save");
        waitUntil(() -> status.getText().startsWith("Saved"));
        assertFalse(status.getText().contains(warning), status.getText());
        assertFalse(status.getStyleClass().contains("settings-status-error"), "no red left from the failed try");
        assertEquals(java.util.Optional.of(Secret.of(KEY)), keychain.read("deepseek-work"));
        assertTrue(robot.lookup(".settings-error").queryAllAs(Label.class).stream()
                .filter(Node::isVisible).map(Label::getText).noneMatch(t -> t.contains("keychain")),
                "the key field's warning is gone too");
    }

    private void pickProvider(FxRobot robot, String name) {
        robot.clickOn("#settings-provider");
        Node cell = robot.lookup(".list-cell").<ListCell<?>>queryAll().stream()
                .filter(c -> name.equals(c.getText()) && c.getScene() != dialog.stage().getScene())
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " in the provider list"));
        robot.clickOn(cell);
        waitUntil(() -> vm.form().providerProperty().get() != null && vm.form().providerProperty().get().name().equals(name));
    }


}
