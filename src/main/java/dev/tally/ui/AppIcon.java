package dev.tally.ui;

import javafx.scene.control.Dialog;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Tally app icon ({@code icons/tally.svg}, rendered by {@code packaging/make-icons.sh}) as the window icon of the
 * main window and the dialogs, and the X11 window class {@value #WINDOW_CLASS} that the installed {@code tally.desktop}
 * names as its {@code StartupWMClass}, so a desktop's dock and task switcher show Tally's entry and icon for them.
 *
 * <p>The window class: JavaFX on Linux names every window after its application name, {@code "java"} unless the
 * program was started through {@code Application.launch}; Tally starts JavaFX itself, so it sets the name through
 * glass's {@code Application.setName}. That class is JavaFX-internal: it needs
 * {@code --add-exports javafx.graphics/com.sun.glass.ui=ALL-UNNAMED} (the jar's manifest carries it for
 * {@code java -jar}); without it the windows keep the class {@code java} and one line is logged.
 *
 * <p><b>Threads:</b> {@link #images()} may be called on any thread; {@link #applyTo} on the FX thread only, before
 * the window is first shown. Never throws: a missing icon resource leaves the window with the toolkit's icon.
 */
public final class AppIcon {
    /** The X11 WM_CLASS of Tally's windows; {@code StartupWMClass} in packaging/linux/tally.desktop. */
    public static final String WINDOW_CLASS = "tally";
    /** The sizes packed into the jar (the desktop picks the nearest). */
    static final int[] SIZES = {16, 32, 48, 64, 128, 256};
    private static final System.Logger LOG = System.getLogger(AppIcon.class.getName());
    private static volatile List<Image> images;
    /** FX thread only. */
    private static boolean classSet;

    private AppIcon() {
    }

    /** The icon in every packed size, smallest first; empty when the resources are missing. Loaded once. */
    public static List<Image> images() {
        List<Image> list = images;
        if (list == null) {
            List<Image> loaded = new ArrayList<>();
            for (int size : SIZES) {
                try (InputStream in = AppIcon.class.getResourceAsStream("icons/tally-" + size + ".png")) {
                    if (in != null) {
                        loaded.add(new Image(in));
                    }
                } catch (Exception e) {
                    LOG.log(System.Logger.Level.WARNING, "app icon {0} px not loaded: {1}", size, e.toString());
                }
            }
            list = List.copyOf(loaded);
            images = list;
        }
        return list;
    }

    /** Gives {@code stage} the app icon and, the first time, sets the window class. FX thread, before showing. */
    public static void applyTo(Stage stage) {
        setWindowClass();
        stage.getIcons().setAll(images());
    }

    /** Gives the window of {@code dialog} the app icon. FX thread, before showing. */
    public static void applyTo(Dialog<?> dialog) {
        Window w = dialog.getDialogPane().getScene() == null ? null : dialog.getDialogPane().getScene().getWindow();
        if (w instanceof Stage s) {
            applyTo(s);
        }
    }

    private static void setWindowClass() {
        if (classSet) {
            return;
        }
        classSet = true;
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return;
        }
        try {
            Class<?> app = Class.forName("com.sun.glass.ui.Application");
            Object glass = app.getMethod("GetApplication").invoke(null);
            if (glass != null) {
                app.getMethod("setName", String.class).invoke(glass, WINDOW_CLASS);
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.INFO, "window class stays the toolkit''s default: {0}", e.toString());
        }
    }
}
