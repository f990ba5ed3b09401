package dev.tally.ui.settings;

import dev.tally.ui.settings.TestConnectionViewModel.TestState;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.util.Map;

import static dev.tally.ui.settings.FormLayout.showWhen;

/** The Test button with its spinner and result, wired to a {@link TestConnectionViewModel}. FX thread only. */
final class TestConnectionView {
    private TestConnectionView() {
    }

    /** The row under the key fields, lined up with the fields (after the label column). */
    static Node row(TestConnectionViewModel vm, ReadOnlyDoubleProperty labelWidth) {
        Button test = new Button(SettingsPhrase.TEST.say());
        test.setAccessibleText(SettingsPhrase.TEST_ACCESSIBLE.say());
        test.setId("settings-test");
        // stays enabled while a test runs (the view model ignores a second press): disabling it would move the
        // keyboard focus to the next field, where the next keystrokes would edit the alert level
        test.disableProperty().bind(vm.canTestProperty().not());
        test.setOnAction(e -> vm.test());
        test.setMinWidth(Region.USE_PREF_SIZE);
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        spinner.setMaxSize(16, 16);
        showWhen(spinner, vm.testStateProperty().isEqualTo(TestState.RUNNING));
        Label result = new Label();
        result.textProperty().bind(vm.testMessageProperty());
        result.setWrapText(true);
        result.setId("settings-test-result");
        result.getStyleClass().add("settings-test-result");
        result.setAccessibleRole(AccessibleRole.TEXT);
        Map<TestState, String> classes = Map.of(TestState.OK, "settings-test-ok", TestState.FAILED, "settings-test-failed",
                TestState.RUNNING, "settings-test-running");
        vm.testStateProperty().addListener((o, was, now) -> {
            result.getStyleClass().removeAll(classes.values());
            if (classes.containsKey(now)) {
                result.getStyleClass().add(classes.get(now));
            }
        });
        HBox.setHgrow(result, Priority.ALWAYS);
        result.setMaxWidth(Double.MAX_VALUE);
        HBox line = new HBox(10, test, spinner, result);
        line.setAlignment(Pos.CENTER_LEFT);
        line.paddingProperty().bind(Bindings.createObjectBinding(() -> new Insets(4, 0, 0, labelWidth.get() + 10), labelWidth));
        return line;
    }
}
