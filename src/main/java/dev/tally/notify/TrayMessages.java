package dev.tally.notify;

import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/**
 * What notifications need of a tray icon: whether it is shown, and its native message (a real notification on
 * Windows and macOS, a balloon on Linux XEmbed trays). The desktop shell adapts its tray backend to it, so this
 * package knows no tray implementation. Both methods are called from any thread and return at once.
 */
public interface TrayMessages {
    /** Whether the icon is in the tray now; never throws. */
    boolean isShowing();

    /** Shows {@code text} under {@code title} beside the icon; does nothing when the icon is not shown. */
    void displayMessage(String title, String text);

    /** Tray messages from a tray's two methods, e.g. {@code TrayMessages.of(tray::isShowing, tray::displayMessage)}. */
    static TrayMessages of(BooleanSupplier showing, BiConsumer<String, String> display) {
        return new TrayMessages() {
            @Override
            public boolean isShowing() {
                return showing.getAsBoolean();
            }

            @Override
            public void displayMessage(String title, String text) {
                display.accept(title, text);
            }
        };
    }
}
