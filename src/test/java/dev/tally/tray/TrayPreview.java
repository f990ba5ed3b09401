package dev.tally.tray;

import dev.tally.status.Summary;
import dev.tally.status.State;
import dev.tally.core.FetchError;
import dev.tally.notify.DesktopNotifications;
import dev.tally.notify.Notifications;
import dev.tally.notify.TrayMessages;
import dev.tally.poll.AccountState;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Throwaway manual check, not a test: shows the real AWT tray icon with sample accounts so it can be looked at
 * with {@code desktop-shot}. Arguments: {@code [STATE] [seconds] [notify]}; with {@code notify} it also sends a
 * desktop notification after 2 s and a tray balloon after 4 s. Prints what happens; exits after the given time.
 */
public final class TrayPreview {
    private TrayPreview() {
    }

    public static void main(String[] args) throws Exception {
        State forced = args.length > 0 ? State.valueOf(args[0]) : null;
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 30;
        boolean notify = args.length > 2 && args[2].equals("notify");

        List<AccountState> states = List.of(
                TrayFixtures.ok(TrayFixtures.deepseekWork(),
                        TrayFixtures.balance("deepseek", TrayFixtures.minutesAgo(3), "CNY", "110.00")),
                TrayFixtures.ok(TrayFixtures.openrouter(),
                        TrayFixtures.balance("openrouter", TrayFixtures.minutesAgo(1), "USD", "74.50")),
                TrayFixtures.failed(TrayFixtures.moonshot(), null,
                        new FetchError.AuthFailed("Moonshot rejected the API key (HTTP 401)"),
                        TrayFixtures.minutesAgo(3)));
        Summary summary = Summary.of(states, TrayFixtures.NOW);
        State state = forced != null ? forced : summary.overall();
        String tooltip = TrayText.tooltip(summary, TrayFixtures.NOW, false);
        List<TrayMenu.Entry> menu = TrayMenu.of(summary, TrayFixtures.NOW, false);

        AwtTrayBackend tray = new AwtTrayBackend(Runnable::run, new TrayBackend.Listener() {
            @Override
            public void onAction(TrayAction action) {
                System.out.println("action: " + action);
            }

            @Override
            public void onIconActivated() {
                System.out.println("icon activated");
            }
        });
        System.out.println("tray supported: " + tray.isSupported());
        System.out.println("tooltip: " + tooltip);
        menu.forEach(e -> System.out.println("menu: " + e));
        boolean shown = tray.show(state, tooltip, menu).toCompletableFuture().get();
        System.out.println("icon shown: " + shown + " (" + state + ")");

        if (notify) {
            DesktopNotifications n = Notifications.forPlatform(System.getProperty("os.name"), System.getenv(),
                    TrayMessages.of(tray::isShowing, tray::displayMessage), null);
            Thread.sleep(2000);
            System.out.println("notifications available: " + n.isAvailable());
            n.send("Tally", "DeepSeek (work): ¥4.20 left — below your ¥5.00 alert");
            Thread.sleep(2000);
            tray.displayMessage("Tally", "Moonshot: key rejected — edit the key in Settings");
        }
        Thread.sleep(Duration.ofSeconds(seconds).toMillis());
        tray.remove();
        System.exit(0);
    }
}
