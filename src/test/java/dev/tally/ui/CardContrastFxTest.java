package dev.tally.ui;

import dev.tally.testing.Slow;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Background;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The card's coloured text is readable in both themes: every badge and the low/error lines reach WCAG AA (4.5:1)
 * against what is behind them, computed from the colours cards.css resolves to under AtlantaFX Primer light and dark.
 */
@ExtendWith(ApplicationExtension.class)
@Slow
class CardContrastFxTest {
    private static final double AA = 4.5;
    private final List<Label> labels = new ArrayList<>();
    private VBox card;

    @Start
    void start(Stage stage) {
        card = new VBox();
        card.getStyleClass().add("balance-card");
        for (BalanceCardViewModel.Badge b : BalanceCardViewModel.Badge.values()) {
            Label l = new Label(b.name());
            l.getStyleClass().addAll("badge", "badge-" + b.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            labels.add(l);
        }
        for (String c : List.of("card-low", "card-reason", "card-subtitle", "card-updated")) {
            Label l = new Label(c);
            l.getStyleClass().add(c);
            labels.add(l);
        }
        card.getChildren().addAll(labels);
        Scene scene = new Scene(new VBox(card), 300, 400);
        scene.getStylesheets().add(MainWindow.class.getResource("cards.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void light() {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    @Test
    void badgesAndNotesReachFourAndAHalfToOneInLightAndDark(FxRobot robot) {
        List<String> low = new ArrayList<>();
        for (String theme : List.of(new PrimerLight().getUserAgentStylesheet(), new PrimerDark().getUserAgentStylesheet())) {
            robot.interact(() -> {
                Application.setUserAgentStylesheet(theme);
                card.getScene().getRoot().applyCss();
                Color cardBg = fill(card.getBackground(), Color.WHITE);
                for (Label l : labels) {
                    Color behind = fill(l.getBackground(), cardBg);
                    double ratio = contrast((Color) l.getTextFill(), behind);
                    if (ratio < AA) {
                        low.add(theme.replaceAll(".*/", "") + " " + l.getStyleClass() + String.format(Locale.ROOT, " %.2f:1", ratio));
                    }
                }
            });
        }
        assertEquals(List.of(), low);
    }

    /** The background's first fill blended over {@code under} (badges use translucent tints). */
    private static Color fill(Background bg, Color under) {
        if (bg == null || bg.getFills().isEmpty() || !(bg.getFills().getLast().getFill() instanceof Color c)) {
            return under;
        }
        double a = c.getOpacity();
        return new Color(c.getRed() * a + under.getRed() * (1 - a), c.getGreen() * a + under.getGreen() * (1 - a),
                c.getBlue() * a + under.getBlue() * (1 - a), 1);
    }

    private static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
