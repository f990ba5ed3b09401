package dev.tally.desktop;

import dev.tally.alert.Alert;
import dev.tally.core.Language;
import dev.tally.core.Messages;
import dev.tally.core.Money;
import dev.tally.core.Remedy;
import dev.tally.notify.FreedesktopNotifications;
import dev.tally.provider.FetchPhrase;

/**
 * A throwaway sender of the widget's notifications for looking at them (e.g. with {@code desktop-shot}); not a
 * test. Sends, on the session bus, a rejected key and a low balance as the widget words them; the language is
 * {@code TALLY_LANG}'s (or the OS's). Waits a little so the bubbles stay up for the shot.
 */
public final class NoticePreview {
    private NoticePreview() {
    }

    public static void main(String[] args) throws InterruptedException {
        Messages.use(Language.choose(System.getenv(), null, System.getProperty("os.name"), java.util.Locale.getDefault()));
        try (FreedesktopNotifications n = FreedesktopNotifications.forSession(System.getenv())) {
            AlertNotices notices = new AlertNotices(n::send, id -> { });
            notices.startupDone();
            notices.alert(new Alert.KeyRejected("ms-cn", "Moonshot (cn)", FetchPhrase.HTTP_AUTH.say("api.moonshot.cn",
                    FetchPhrase.HTTP_STATUS_SAID.say(401, "Invalid Authentication")), false, new Remedy.CheckRegion()), false);
            notices.alert(new Alert.LowBalance("ds-work", "DeepSeek (work)", Money.of("4.20", "CNY"),
                    Money.of("5.00", "CNY")), false);
            Thread.sleep(args.length > 0 ? Long.parseLong(args[0]) : 15_000);
        }
    }
}
