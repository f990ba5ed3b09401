package dev.tally.desktop;

import dev.tally.app.AppContext;
import dev.tally.app.AppDirs;
import dev.tally.app.Logging;
import dev.tally.engine.Engine;
import dev.tally.engine.EngineLock;
import dev.tally.engine.SingleInstance;
import dev.tally.account.Preferences;
import dev.tally.account.PreferencesStore;
import dev.tally.autostart.Autostart;
import dev.tally.autostart.LaunchCommands;
import dev.tally.ui.settings.SettingsDialog;
import dev.tally.ui.settings.SettingsViewModel;
import dev.tally.alert.Alert;
import dev.tally.alert.Notifier;
import dev.tally.history.WeekSummary;
import dev.tally.notify.DesktopNotifications;
import dev.tally.notify.Notifications;
import dev.tally.notify.TrayMessages;
import dev.tally.poll.AccountState;
import dev.tally.poll.ExecutorScheduler;
import dev.tally.poll.FetchOutcome;
import dev.tally.tray.AwtTrayBackend;
import dev.tally.tray.NoTray;
import dev.tally.tray.TrayChoice;
import dev.tally.tray.TrayAction;
import dev.tally.tray.TrayBackend;
import dev.tally.tray.TrayPresenter;
import dev.tally.ui.MainViewModel;
import dev.tally.ui.MainWindow;
import dev.tally.ui.ThemeFollower;
import dev.tally.ui.ToastNotifications;
import dev.tally.ui.WindowPlace;
import dev.tally.status.Phrase;
import javafx.application.Application;
import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The desktop widget: engine + tray + notifications, with the JavaFX window started only when it is first
 * opened (the toolkit alone costs ~80 MB). Without a tray the window opens at once and closing it quits.
 *
 * <p>Threads: engine callbacks arrive on fetch threads; the tray marshals to AWT itself; everything that
 * touches the window hops to the FX thread through {@link #onFx}. SQLite reads for the cards happen on the
 * {@code tally-ui-io} thread, never on the FX thread.
 */
public final class DesktopApp {
    private static final System.Logger LOG = System.getLogger(DesktopApp.class.getName());

    private final AppContext ctx;
    private final Clock clock;
    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> daemon(r, "tally-ui-io"));
    /** Tray clicks arrive here, so Quit and Open work even while io waits on the keychain or the network. */
    private final ExecutorService trayThread = Executors.newSingleThreadExecutor(r -> daemon(r, "tally-tray"));
    /** The settings dialog's loads, saves and key tests (keychain prompts, 15 s fetches) stay off io. */
    private final ExecutorService settingsIo = Executors.newSingleThreadExecutor(r -> daemon(r, "tally-settings"));
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "tally-ui-tick"));
    private final ExecutorService fetchers = Executors.newVirtualThreadPerTaskExecutor();
    private final ExecutorScheduler scheduler = new ExecutorScheduler();
    private final Engine engine;
    private final TrayBackend tray;
    private volatile boolean trayUp;
    private final DesktopNotifications notifications;
    /** Alerts as notifications; holds the first checks' alerts for one summary. */
    private final AlertNotices notices;
    /** How long the start-up alerts wait at most for the first checks to finish. */
    static final long STARTUP_ALERTS_WAIT_SECONDS = 30;

    private final java.util.concurrent.CountDownLatch quit = new java.util.concurrent.CountDownLatch(1);
    private final PreferencesStore preferences;
    private volatile int exitCode;
    private volatile boolean fxStarted;
    private volatile Stage stage;
    /** FX thread only; made with the stage. */
    private MainWindow window;
    /** Reads the cards for a window about to open, so the open does not wait behind the engine's work on io. */
    private final ExecutorService windowIo = Executors.newSingleThreadExecutor(r -> daemon(r, "tally-window"));
    /** Accounts for the keys found in the environment. */
    private final EnvironmentImport imports;
    /** Engine events to the window's view model, on the FX thread. */
    private final WindowFeed feed;
    private SettingsDialog settings;
    private SettingsViewModel settingsVm;
    private volatile boolean hideAmounts;
    private volatile boolean notificationsOn = true;
    private volatile Preferences.Theme theme = Preferences.Theme.SYSTEM;
    /** Follows the window's moves and resizes, so quitting can remember them whatever state the window is in. */
    private final WindowPlace place = new WindowPlace();
    /** FX thread only; made with the toolkit. */
    private ThemeFollower themes;
    private final java.util.concurrent.atomic.AtomicBoolean quitting = new java.util.concurrent.atomic.AtomicBoolean();

    private final dev.tally.engine.SummaryFile summary;

    private DesktopApp(AppContext ctx, boolean wantTray) {
        this.ctx = ctx;
        this.imports = new EnvironmentImport(ctx.catalog(), ctx.accounts(), ctx.keys(), ctx::secrets);
        this.clock = ctx.clock();
        this.preferences = ctx.preferences();
        PreferencesStore.Loaded prefs = preferences.load();
        // the language is chosen once, before any word is shown; a change in Settings applies after a restart
        dev.tally.core.Messages.use(dev.tally.core.Language.choose(ctx.env(), prefs.preferences().language(),
                System.getProperty("os.name"), java.util.Locale.getDefault()));
        applyPreferences(prefs.preferences());
        prefs.warning().ifPresent(w -> LOG.log(System.Logger.Level.WARNING, w));
        TrayBackend.Listener listener = new TrayBackend.Listener() {
            @Override
            public void onAction(TrayAction action) {
                handle(action);
            }

            @Override
            public void onIconActivated(TrayBackend.Click at) {
                toggleWindow(at);
            }

            @Override
            public void onOpenAccount(String accountId) {
                showWindow(null, accountId);
            }
        };
        this.tray = wantTray ? TrayChoice.choose(System.getProperty("os.name"), ctx.env(), trayThread, listener)
                : new NoTray();
        this.trayUp = tray.isSupported();
        TrayMessages balloons = trayUp && tray instanceof AwtTrayBackend awt
                ? TrayMessages.of(awt::isShowing, awt::displayMessage) : null;
        this.notifications = Notifications.forPlatform(System.getProperty("os.name"), ctx.env(), balloons,
                new ToastNotifications(this::onFx, () -> stage, ToastNotifications.SHOWN_FOR));
        // a damaged history set aside, or a folder it cannot write to: said once, as other warnings are
        ctx.onHistoryNotice(w -> notifications.send("Tally", w));
        this.notices = new AlertNotices(n -> io.execute(() -> notifications.send(n)),
                account -> showWindow(null, account));
        Notifier notifier = this::notifyDesktop;
        this.engine = new Engine(ctx.engineServices(), notifier, scheduler, fetchers);
        engine.checkSpend(prefs.preferences().spendChecks());
        this.feed = new WindowFeed(() -> engine.poller().states(), this::week, () -> hideAmounts, clock,
                Platform::runLater);
        engine.addListener(this::afterPoll);
        // the summary file for status bars (docs/status-bar.md), rewritten after each poll, removed at quit
        this.summary = new dev.tally.engine.SummaryFile(ctx.dirs().data(), engine.poller()::states, clock);
        engine.addListener(summary);
    }

    /** Entry point for {@code tally} with no arguments. */
    public static void launch() {
        Map<String, String> env = System.getenv();
        AppDirs dirs = AppDirs.resolve(null, env);
        Logging.configure(dirs.logDir(), "1".equals(env.get("TALLY_DEBUG")));
        DesktopApp[] app = new DesktopApp[1];
        SingleInstance window = null;
        try {
            SingleInstance.Claim claim = SingleInstance.claim(dirs.data(), () -> {
                if (app[0] != null) {
                    app[0].showWindow();
                }
            });
            if (claim instanceof SingleInstance.Secondary s) {
                System.err.println(s.delivered() ? Phrase.DESKTOP_ALREADY_RUNNING.say()
                        : Phrase.DESKTOP_ALREADY_RUNNING_STUCK.say());
                System.exit(0);
                return;
            }
            if (claim instanceof SingleInstance.Primary p) {
                window = p.instance();
            }
        } catch (IOException e) {
            System.err.println("tally: " + Phrase.DESKTOP_NO_SINGLE_INSTANCE.say(e.getMessage()));
        }
        EngineLock engineLock = claimEngine(dirs, env);
        if (engineLock == null) {
            if (window != null) {
                window.close();
            }
            System.exit(1);
            return;
        }
        AppContext ctx = new AppContext(dirs, env, Clock.systemUTC());
        app[0] = new DesktopApp(ctx, !"off".equals(env.get("TALLY_TRAY")));
        app[0].start();
        // the engine's threads are daemons: the launching thread keeps the app alive until Quit
        try {
            app[0].quit.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        engineLock.close();
        // keychain, AWT and FX threads are not all daemons: end explicitly, with the quit's exit code
        System.exit(app[0].exitCode);
    }

    /**
     * Becomes the one engine polling this data folder. When a {@code tally watch} already polls it, says so (stderr,
     * log, and a desktop notification, as a widget started from a menu has no terminal) and returns {@code null}:
     * two engines would double every request. A folder that cannot be locked only costs the guarantee.
     */
    private static EngineLock claimEngine(AppDirs dirs, Map<String, String> env) {
        try {
            return switch (EngineLock.claim(dirs.data(), EngineLock.Role.WIDGET)) {
                case EngineLock.Held h -> h.lock();
                case EngineLock.Busy b -> {
                    String why = b.message(EngineLock.Role.WIDGET);
                    System.err.println("tally: " + why);
                    LOG.log(System.Logger.Level.WARNING, "not started: " + why);
                    tellDesktop(env, Phrase.DESKTOP_NOT_STARTED.say(why));
                    yield null;
                }
            };
        } catch (IOException e) {
            System.err.println("tally: " + Phrase.DESKTOP_NO_ENGINE_LOCK.say(e.getMessage()));
            return EngineLock.none();
        }
    }

    /** A notification before exiting, where the desktop has a notification service (Linux); waits for it briefly. */
    private static void tellDesktop(Map<String, String> env, String text) {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return;
        }
        try (dev.tally.notify.FreedesktopNotifications n = dev.tally.notify.FreedesktopNotifications.forSession(env)) {
            if (n.isAvailable()) {
                n.sendAndWait("Tally", text, java.time.Duration.ofSeconds(2));
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.INFO, "no desktop notification: " + e);
        }
    }

    private void start() {
        io.execute(() -> {
            engine.applyRetention();
            engine.reload().ifPresent(w -> notifications.send("Tally", w));
            summary.write();
            // accounts and keys changed with the command line are picked up within seconds; daily retention
            engine.startHousekeeping(io, Engine.CHECK_EVERY, (accounts, warning) -> {
                warning.ifPresent(w -> notifications.send("Tally", w));
                summary.write();
                accountsChanged();
            });
            if (trayUp) {
                updateTray();
                trayView().showOn(tray).whenComplete((ok, e) -> {
                            if (!Boolean.TRUE.equals(ok)) {
                                LOG.log(System.Logger.Level.WARNING, "tray icon could not be added; opening the window");
                                trayUp = false;
                                if (fxStarted) {
                                    Platform.runLater(() -> {
                                        Platform.setImplicitExit(true);
                                        if (stage != null) {
                                            WindowPlace.quitWhenClosed(stage, this::quitFromWindow);
                                        }
                                    });
                                }
                                showWindow();
                            }
                        });
                if (engine.accounts().isEmpty()) {
                    showWindow();
                }
            } else {
                showWindow();
            }
        });
        ticker.scheduleAtFixedRate(this::tick, 60, 60, TimeUnit.SECONDS);
        ticker.schedule(notices::startupDone, STARTUP_ALERTS_WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private void handle(TrayAction action) {
        switch (action) {
            // with the window made, through its cards, so each shows its progress
            case REFRESH_ALL -> {
                if (!feed.refreshAll()) {
                    engine.poller().refreshAll();
                }
            }
            case OPEN_WINDOW -> showWindow();
            case SETTINGS -> openSettings();
            case QUIT -> quit();
        }
    }

    /** Runs {@code task} on the FX thread, starting the toolkit first if needed. Any thread. */
    private synchronized void onFx(Runnable task) {
        if (!fxStarted) {
            try {
                Platform.startup(() -> {
                    Platform.setImplicitExit(!trayUp);
                    applyTheme();
                    task.run();
                });
                fxStarted = true;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "cannot open a window", e);
                if (!trayUp) {
                    System.err.println("tally: " + Phrase.DESKTOP_NO_WINDOW.say(e.getMessage()));
                    quitWith(1);
                }
            }
            return;
        }
        Platform.runLater(task);
    }

    /** AtlantaFX Primer light or dark; "system" follows the OS colour scheme, also when it changes later. FX thread. */
    private void applyTheme() {
        if (themes == null) {
            ObservableValue<ColorScheme> desktop;
            try {
                desktop = Platform.getPreferences().colorSchemeProperty();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.INFO, "the desktop's colour scheme cannot be read; system theme = light");
                desktop = null;
            }
            themes = new ThemeFollower(desktop, Application::setUserAgentStylesheet);
        }
        themes.use(theme);
    }

    private void applyPreferences(Preferences p) {
        hideAmounts = p.hideAmounts();
        notificationsOn = p.notifications();
        theme = p.theme();
        if (engine != null) {
            engine.checkSpend(p.spendChecks());
        }
    }

    /** Opens (or brings forward) the main window. Any thread. */
    public void showWindow() {
        showWindow(null, null);
    }

    /**
     * The icon was clicked: hides the window when it is shown and focused, else opens it next to the click. Any
     * thread.
     */
    private void toggleWindow(TrayBackend.Click at) {
        if (fxStarted) {
            Platform.runLater(() -> {
                if (stage != null && stage.isShowing() && stage.isFocused()) {
                    stage.hide();
                } else {
                    showWindow(at, null);
                }
            });
        } else {
            showWindow(at, null);
        }
    }

    /**
     * Opens (or brings forward) the main window, next to {@code at} when given (a tray click), scrolled to the card of
     * {@code accountId} when given. Its cards are read on a thread of their own, not behind the engine's work on io,
     * so a click shows the window at once. Any thread.
     */
    private void showWindow(TrayBackend.Click at, String accountId) {
        windowIo.execute(() -> {
            WindowFeed.Cards cards = feed.read();
            List<String> offer = imports.offer(engine.accounts());
            Preferences savedPrefs = stage == null ? preferences.load().preferences() : null;
            onFx(() -> {
                if (stage == null) {
                    stage = new Stage();
                    MainViewModel main = new MainViewModel(new WindowActions(), Platform::runLater, ZoneId.systemDefault());
                    main.setCompactChoice(savedPrefs.compact());
                    feed.attach(main);
                    window = new MainWindow(stage, main);
                    place.attach(stage, savedPrefs.window());
                    // hidden to the tray: remember the place now, the app may run for days
                    stage.setOnHiding(e -> rememberPlace());
                    if (!trayUp) {
                        WindowPlace.quitWhenClosed(stage, this::quitFromWindow);
                    } else {
                        // Esc and Ctrl+W hide the window to the tray
                        stage.getScene().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                            if (e.getCode() == KeyCode.ESCAPE
                                    || (e.getCode() == KeyCode.W && e.isShortcutDown())) {
                                e.consume();
                                stage.hide();
                            }
                        });
                    }
                }
                feed.apply(cards);
                feed.setImportOffer(offer);
                if (!stage.isShowing()) {
                    FxWindowSpot.place(stage, at);
                }
                stage.show();
                stage.toFront();
                stage.requestFocus();
                if (accountId != null) {
                    window.showCard(accountId);
                }
            });
        });
    }

    private void openSettings() {
        openSettings(null);
    }

    /** Opens the settings dialog, on the given account when {@code accountId} is not null. Any thread. */
    private void openSettings(String accountId) {
        onFx(() -> {
            if (settings == null) {
                SettingsViewModel.Services services = new SettingsViewModel.Services(ctx.catalog(), ctx.accounts(),
                        ctx::secrets, (target, creds) -> ctx.fetcher().fetch(target, creds), preferences,
                        Autostart.forCurrentOs(ctx.env()), LaunchCommands.forAutostart().orElse(List.of()),
                        settingsIo, Platform::runLater, ctx.keys());
                settingsVm = new SettingsViewModel(services);
                settingsVm.setOnSaved(this::settingsSaved);
                settings = new SettingsDialog(settingsVm, stage != null && stage.isShowing() ? stage : null);
            }
            settings.show(accountId);
        });
    }

    /** The dialog saved: re-read accounts, retry accounts whose keys changed, apply preferences. */
    private void settingsSaved(SettingsViewModel.SaveResult r) {
        io.execute(() -> {
            engine.reload();
            r.keysChanged().forEach(engine.poller()::keyChanged);
            if (r.preferences() != null) {
                applyPreferences(r.preferences());
                onFx(this::applyTheme);
            }
            updateTray();
            feed.showAll();
        });
    }

    /** Writes the window's place to settings.json on the io thread. */
    private void rememberPlace() {
        place.current().ifPresent(b -> io.execute(() -> PreferenceWrites.remember(preferences, p -> p.withWindow(b), "the window position")));
    }

    private List<WeekSummary> week(AccountState s) {
        if (s.target().accountId() == null) {
            return List.of();
        }
        try {
            return WeekSummary.of(ctx.history().reader(), s.target().accountId(), s.interval(), clock.instant());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "no spend summary for " + s.target().id(), e);
            return List.of();
        }
    }

    private void afterPoll(FetchOutcome outcome, AccountState state) {
        if (firstRoundDone()) {
            notices.startupDone();
        }
        updateTray();
        feed.showOne(state);
    }

    private void tick() {
        updateTray();
        feed.tick();
    }

    /** accounts.json was changed by someone else (e.g. the command line) and read again. io thread. */
    private void accountsChanged() {
        updateTray();
        feed.showAll();
    }

    private void updateTray() {
        if (trayUp && tray.isShowing()) {
            trayView().updateOn(tray);
        }
    }

    /** Icon, tooltip and menu from one summary of one snapshot of the states. */
    private TrayPresenter.View trayView() {
        return TrayPresenter.present(engine.poller().states(), clock.instant(), hideAmounts);
    }

    private void notifyDesktop(Alert alert) {
        if (!notificationsOn) {
            return;
        }
        notices.alert(alert, hideAmounts);
    }

    /** Every account has had its first answer (or error): the start-up alerts can be shown. */
    private boolean firstRoundDone() {
        return engine.poller().states().stream().allMatch(s -> s.lastPollAt() != null);
    }

    /** Accounts for keys found in the environment: offered in the empty state, added on request. io thread. */
    private void importFromEnvironment() {
        io.execute(() -> {
            if (imports.addAll(notifications::send)) {
                engine.reload();
                showWindow();
            }
        });
    }

    private void quit() {
        quitWith(0);
    }

    /** The window was closed with no tray to keep Tally reachable: quit off the FX thread, like the tray's Quit. */
    private void quitFromWindow() {
        trayThread.execute(this::quit);
    }

    /**
     * Remembers the window's place (written now, not queued: the exit below would win over a queued write), stops
     * the engine, the tray and the toolkit, and lets {@link #launch} end the JVM. Runs once; any thread but the FX
     * thread (it waits for the engine).
     */
    private void quitWith(int code) {
        if (!quitting.compareAndSet(false, true)) {
            return;
        }
        LOG.log(System.Logger.Level.INFO, "quitting");
        place.current().ifPresent(b -> PreferenceWrites.remember(preferences, p -> p.withWindow(b), "the window position"));
        engine.close();
        summary.close();
        if (tray != null) {
            tray.remove();
        }
        ctx.close();
        if (fxStarted) {
            Platform.exit();
        }
        exitCode = code;
        quit.countDown();
    }

    private final class WindowActions implements MainViewModel.Actions {
        @Override
        public CompletionStage<?> refresh(String accountId) {
            return engine.poller().refresh(accountId).map(f -> (CompletionStage<?>) f)
                    .orElse(CompletableFuture.completedFuture(null));
        }

        @Override
        public void editKey(String accountId) {
            DesktopApp.this.openSettings(accountId);
        }

        @Override
        public void openSettings() {
            DesktopApp.this.openSettings();
        }

        @Override public void open(java.net.URI page) { dev.tally.ui.Browser.open(page); }
        @Override public boolean canOpen() { return dev.tally.ui.Browser.available(); }
        @Override public CompletionStage<List<dev.tally.history.DailyRollup>> history(String account, String currency,
                java.time.LocalDate from, java.time.LocalDate to) {
            return CompletableFuture.supplyAsync(() -> ctx.history().reader().dailyRollups(account, currency, from, to), windowIo);
        }

        @Override
        public void rememberCompact(Boolean choice) {
            io.execute(() -> PreferenceWrites.remember(preferences, p -> p.withCompact(choice), "the compact choice"));
        }

        @Override
        public void importFromEnvironment() {
            DesktopApp.this.importFromEnvironment();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.setUncaughtExceptionHandler((th, e) -> LOG.log(System.Logger.Level.ERROR, th.getName() + " failed", e));
        return t;
    }
}
