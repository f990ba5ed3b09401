package dev.tally.tray;

import dev.tally.status.State;

import java.awt.AWTError;
import java.awt.AWTException;
import java.awt.Dimension;
import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The tray through {@link java.awt.SystemTray}: Windows, macOS, and Linux panels with an XEmbed tray
 * (KDE, XFCE, Ubuntu's GNOME; vanilla GNOME only with the AppIndicator extension).
 *
 * <p>Constructing it touches no AWT class; {@link #isSupported()} is the first AWT call (it starts the AWT
 * toolkit, which is cheap next to JavaFX). Every tray, icon and menu call runs on the AWT event queue via
 * {@link EventQueue#invokeLater}; public methods return at once from any thread. Listener callbacks and the
 * {@link #show} result are handed to the injected UI executor; if that executor throws (e.g. a toolkit that is
 * not started yet) the failure is logged. Exceptions from the AWT are logged, never thrown.
 */
public final class AwtTrayBackend implements TrayBackend {
    private static final System.Logger LOG = System.getLogger(AwtTrayBackend.class.getName());
    private static final int FALLBACK_SIZE = 24;

    private final Executor ui;
    private final Listener listener;
    private final Object supportLock = new Object();
    private volatile Boolean supported;
    private volatile boolean showing;

    // touched on the AWT event queue only
    private TrayIcon icon;
    private PopupMenu popup;
    private State shownState;
    private volatile TrayBackend.Click lastClick;

    /**
     * @param ui       runs callbacks on the UI thread, e.g. {@code Platform::runLater}; tests may pass
     *                 {@code Runnable::run}
     * @param listener receives menu actions and icon activation on {@code ui}
     */
    public AwtTrayBackend(Executor ui, Listener listener) {
        this.ui = Objects.requireNonNull(ui, "ui");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** False when headless, with no tray manager, or when the AWT cannot start; never throws. Cached. */
    @Override
    public boolean isSupported() {
        Boolean s = supported;
        if (s != null) {
            return s;
        }
        synchronized (supportLock) {
            if (supported == null) {
                supported = probe();
            }
            return supported;
        }
    }

    private static boolean probe() {
        try {
            return !GraphicsEnvironment.isHeadless() && SystemTray.isSupported();
        } catch (RuntimeException | LinkageError | AWTError e) {
            LOG.log(System.Logger.Level.WARNING, "system tray check failed: " + e);
            return false;
        }
    }

    @Override
    public CompletionStage<Boolean> show(State state, String tooltip, List<TrayMenu.Entry> menu) {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        if (!isSupported()) {
            deliver(() -> result.complete(false));
            return result;
        }
        List<TrayMenu.Entry> entries = List.copyOf(menu);
        EventQueue.invokeLater(() -> {
            boolean added;
            try {
                if (icon == null) {
                    add(state, tooltip, entries);
                } else {
                    apply(state, tooltip, entries);
                }
                showing = true;
                added = true;
            } catch (AWTException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "could not add the tray icon: " + e);
                icon = null;
                popup = null;
                showing = false;
                added = false;
            }
            boolean outcome = added;
            deliver(() -> result.complete(outcome));
        });
        return result;
    }

    private void add(State state, String tooltip, List<TrayMenu.Entry> entries) throws AWTException {
        SystemTray tray = SystemTray.getSystemTray();
        popup = new PopupMenu();
        fill(popup, entries);
        TrayIcon created = new TrayIcon(image(state, iconSize(tray)), tooltip, popup);
        created.setImageAutoSize(true);
        created.addActionListener(e -> {
            TrayBackend.Click at = lastClick;
            deliver(() -> listener.onIconActivated(at));
        });
        // the action event has no position; the mouse event before it has, so the window can open by the icon
        created.addMouseListener(new java.awt.event.MouseAdapter() {
            @Override
            public void mousePressed(java.awt.event.MouseEvent e) {
                lastClick = new TrayBackend.Click(e.getXOnScreen(), e.getYOnScreen());
            }
        });
        tray.add(created);
        icon = created;
        shownState = state;
    }

    /** The icon of {@code state}, {@code size} pixels square, as an image for AWT. */
    static java.awt.image.BufferedImage image(State state, int size) {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(size, size,
                java.awt.image.BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, size, size, TrayIconRenderer.argb(state, size), 0, size);
        return img;
    }

    private static int iconSize(SystemTray tray) {
        try {
            Dimension d = tray.getTrayIconSize();
            int edge = Math.min(d.width, d.height);
            return Math.clamp(edge, TrayIconRenderer.MIN_SIZE, TrayIconRenderer.MAX_SIZE);
        } catch (RuntimeException e) {
            return FALLBACK_SIZE;
        }
    }

    private void apply(State state, String tooltip, List<TrayMenu.Entry> entries) {
        if (state != shownState) {
            icon.setImage(image(state, iconSize(SystemTray.getSystemTray())));
            shownState = state;
        }
        icon.setToolTip(tooltip);
        popup.removeAll();
        fill(popup, entries);
    }

    private void fill(PopupMenu menu, List<TrayMenu.Entry> entries) {
        for (TrayMenu.Entry entry : entries) {
            switch (entry) {
                case TrayMenu.Info info -> {
                    MenuItem item = new MenuItem(info.text());
                    item.setEnabled(false);
                    menu.add(item);
                }
                case TrayMenu.Row row -> {
                    MenuItem item = new MenuItem(row.text());
                    String id = row.accountId();
                    item.addActionListener(e -> deliver(() -> listener.onOpenAccount(id)));
                    menu.add(item);
                }
                case TrayMenu.Action action -> {
                    MenuItem item = new MenuItem(action.text());
                    TrayAction what = action.action();
                    item.addActionListener(e -> deliver(() -> listener.onAction(what)));
                    item.setEnabled(action.enabled());
                    menu.add(item);
                }
                case TrayMenu.Separator separator -> menu.addSeparator();
            }
        }
    }

    @Override
    public void update(State state, String tooltip, List<TrayMenu.Entry> menu) {
        if (!Boolean.TRUE.equals(supported)) {
            return;
        }
        List<TrayMenu.Entry> entries = List.copyOf(menu);
        EventQueue.invokeLater(() -> {
            if (icon == null) {
                return;
            }
            try {
                apply(state, tooltip, entries);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "could not update the tray icon: " + e);
            }
        });
    }

    /**
     * Shows a native balloon / notification from the icon (Windows and macOS notifications; a balloon on
     * XEmbed trays). Does nothing when the icon is not shown. Returns at once.
     */
    public void displayMessage(String title, String text) {
        if (!Boolean.TRUE.equals(supported)) {
            return;
        }
        EventQueue.invokeLater(() -> {
            if (icon == null) {
                return;
            }
            try {
                icon.displayMessage(title, text, TrayIcon.MessageType.INFO);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "could not show a tray message: " + e);
            }
        });
    }

    @Override
    public void remove() {
        if (!Boolean.TRUE.equals(supported)) {
            return;
        }
        EventQueue.invokeLater(() -> {
            showing = false;
            if (icon == null) {
                return;
            }
            try {
                SystemTray.getSystemTray().remove(icon);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "could not remove the tray icon: " + e);
            }
            icon = null;
            popup = null;
            shownState = null;
        });
    }

    @Override
    public boolean isShowing() {
        return showing;
    }

    private void deliver(Runnable r) {
        Handoff.run(ui, r, "tray callback failed", "could not hand a tray event to the UI thread");
    }
}
