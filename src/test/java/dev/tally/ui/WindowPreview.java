package dev.tally.ui;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

import dev.tally.history.DailyRollup;
import dev.tally.history.WeekSummary;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A throwaway main window for looking at (e.g. with {@code desktop-shot}); not a test. Twelve mixed accounts
 * ({@link MixedAccounts}) at the default 380×560, placed at 100,100 so a shot can be cropped to it.
 * Arguments: {@code compact} (default), {@code cards}, or {@code chart} (the 30-day chart of DeepSeek (work)); add {@code spark} to scroll to DeepSeek (work)'s card.
 */
public final class WindowPreview {
    private WindowPreview() {
    }

    /** A full week of spend per 6 hours, the last bucket holding now. */
    static WeekSummary week(Instant now) {
        List<BigDecimal> b = new ArrayList<>();
        for (int i = 0; i < 28; i++) {
            b.add(i == 9 || i == 10 ? null : new BigDecimal(String.format(java.util.Locale.ROOT, "%.2f",
                    0.6 + 0.5 * Math.sin(i / 2.0) + (i % 4 == 1 ? 0.4 : 0))));
        }
        BigDecimal total = b.stream().filter(java.util.Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new WeekSummary("CNY", b, total, true, total.divide(new BigDecimal("7"), 2, java.math.RoundingMode.HALF_UP),
                new BigDecimal("24.5"), 200, now.minus(java.time.Duration.ofDays(7)), null);
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
            MainViewModel vm = new MainViewModel(new IdleActions() {
                @Override
                public boolean canOpen() {
                    return true;
                }

                @Override
                public CompletionStage<List<DailyRollup>> history(String accountId, String currency, LocalDate from,
                                                                  LocalDate to) {
                    // a month of a busy DeepSeek account: daily spend, a top-up on the 12th day
                    List<DailyRollup> days = new ArrayList<>();
                    BigDecimal balance = new BigDecimal("180.00");
                    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                        BigDecimal spent = new BigDecimal(String.format(java.util.Locale.ROOT, "%.2f",
                                Math.max(0.3, 2.8 + 2 * Math.sin(d.getDayOfMonth() / 3.0) - (d.getDayOfWeek().getValue() > 5 ? 1.5 : 0))));
                        balance = balance.subtract(spent);
                        if (d.equals(from.plusDays(11))) {
                            balance = balance.add(new BigDecimal("50.00"));
                        }
                        days.add(ChartViewModelTest.day(d.toString(), balance.toPlainString(), spent.toPlainString()));
                    }
                    return CompletableFuture.completedFuture(days);
                }
            }, Platform::runLater, ZoneOffset.UTC);
            Instant now = Instant.now();
            vm.setCompactChoice(args.contains("cards") || args.contains("chart") ? Boolean.FALSE : null);
            vm.apply(MixedAccounts.twelve(now), Map.of("ds-work", List.of(week(now))), now);
            MainWindow window = new MainWindow(stage, vm);
            if (args.contains("chart")) {
                vm.cards().stream().filter(c -> c.id().equals("ds-work")).findFirst().orElseThrow().openChart();
            }
            stage.setX(100);
            stage.setY(100);
            stage.show();
            if (args.contains("spark")) {
                Platform.runLater(() -> window.showCard("ds-work"));
            }
        }
    }
}
