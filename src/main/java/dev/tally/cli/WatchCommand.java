package dev.tally.cli;

import dev.tally.app.AppContext;
import dev.tally.engine.Engine;
import dev.tally.engine.EngineLock;
import dev.tally.engine.SummaryFile;
import dev.tally.poll.ExecutorScheduler;
import dev.tally.status.CommandLineText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import dev.tally.metrics.AccountMetrics;
import dev.tally.metrics.MetricsServer;
import dev.tally.metrics.PrometheusText;

import java.io.IOException;
import java.util.Optional;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** {@code tally watch}: the engine in the foreground — polls, records history, prints alerts. Ctrl-C stops it. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Run the engine in the foreground: poll every account on its interval, record history, print alerts.",
                "Accounts added, edited or removed and keys set meanwhile (tally accounts ..., tally keys set) are",
                "picked up within seconds; an account paused for its key is asked again when its key or settings change.",
                "Only one engine polls a data folder: watch refuses to start (exit 1) while another watch or the",
                "desktop widget runs on it. Stop with Ctrl-C."})
public final class WatchCommand implements java.util.concurrent.Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    @ParentCommand
    TallyCommand root;

    @picocli.CommandLine.Mixin
    TextForm text = new TextForm();

    @Option(names = "--stop-after", paramLabel = "SECONDS", description = "Stop by itself after this many seconds (for scripts).")
    Long stopAfter;

    @Option(names = "--metrics", paramLabel = "HOST:PORT", arity = "0..1", fallbackValue = MetricsServer.DEFAULT_ADDRESS,
            description = {"Serve Prometheus metrics at http://HOST:PORT/metrics (default " + MetricsServer.DEFAULT_ADDRESS
                    + ", loopback only).", "Another address only when given; then consider --metrics-token-file."})
    String metrics;

    @Option(names = "--metrics-token-file", paramLabel = "FILE",
            description = "Ask scrapers for 'Authorization: Bearer <token>', the token being this file's content.")
    java.nio.file.Path metricsTokenFile;

    @Override
    public Integer call() throws InterruptedException {
        if (stopAfter != null && stopAfter < 1) {
            throw new Cli.UsageError(CliPhrase.WATCH_STOP_AFTER.say(stopAfter));
        }
        if (metricsTokenFile != null && metrics == null) {
            throw new Cli.UsageError(CliPhrase.WATCH_TOKEN_WITHOUT_METRICS.say());
        }
        java.net.InetSocketAddress metricsAddress = null;
        Optional<String> token = Optional.empty();
        if (metrics != null) {
            try {
                metricsAddress = MetricsServer.parseAddress(metrics);
            } catch (IllegalArgumentException e) {
                throw new Cli.UsageError("--metrics: " + e.getMessage());
            }
            token = metricsTokenFile == null ? Optional.empty() : Optional.of(readToken(metricsTokenFile));
        }
        this.metricsAt = metricsAddress;
        this.token = token;
        AppContext ctx = root.context();
        Cli.Io io = root.io();
        EngineLock engineLock = null;
        try {
            switch (EngineLock.claim(ctx.dirs().data(), EngineLock.Role.WATCH)) {
                case EngineLock.Held h -> engineLock = h.lock();
                case EngineLock.Busy b -> {
                    io.err().println("tally: " + b.message(EngineLock.Role.WATCH));
                    return Cli.NOT_ALL_FETCHED;
                }
            }
        } catch (IOException e) {
            io.err().println("tally: " + CliPhrase.WATCH_NO_LOCK.say(e.getMessage()));
        }
        try {
            return watch(ctx, io, engineLock);
        } finally {
            if (engineLock != null) {
                engineLock.close();
            }
        }
    }

    /** @param engineLock released once the engine stopped (before a Ctrl-C lets the JVM end), or {@code null} */
    /** How long --stop-after lets polls already under way finish (each request has its own 15 s limit). */
    static final Duration FINISH_POLLS = Duration.ofSeconds(20);

    /**
     * At the end of --stop-after, a poll already under way is finished first, so a script that asks for a few
     * seconds of watching gets the answers that were on their way, also on a slow or busy machine.
     */
    private static void finishPollsUnderWay(Engine engine) throws InterruptedException {
        long deadline = System.nanoTime() + FINISH_POLLS.toNanos();
        while (System.nanoTime() < deadline && engine.poller().states().stream()
                .anyMatch(s -> engine.poller().inFlight(s.target().id()))) {
            Thread.sleep(50);
        }
    }

    private int watch(AppContext ctx, Cli.Io io, EngineLock engineLock) throws InterruptedException {
        ctx.onHistoryNotice(w -> {
            synchronized (io.out()) {
                io.err().println("tally: " + w);
                io.err().flush();
            }
        });
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        // Ctrl-C: ask the main thread to stop, and give it a moment to close the engine and the database
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                finished.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "tally-watch-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try (ExecutorScheduler scheduler = new ExecutorScheduler();
             var fetchers = Executors.newVirtualThreadPerTaskExecutor();
             ExecutorService housekeeping = Executors.newSingleThreadExecutor(r -> {
                 Thread t = new Thread(r, "tally-watch-io");
                 t.setDaemon(true);
                 return t;
             })) {
            Engine engine = new Engine(ctx.engineServices(), alert -> {
                synchronized (io.out()) {
                    io.out().println(CliPhrase.WATCH_ALERT.say(time(ctx), alert.text()));
                    io.out().flush();
                }
            }, scheduler, fetchers);
            // the spend check (Settings → General, settings.json "spendChecks") applies here as in the widget
            engine.checkSpend(ctx.preferences().load().preferences().spendChecks());
            engine.addListener((outcome, state) -> {
                synchronized (io.out()) {
                    io.out().println(time(ctx) + "  " + CommandLineText.watchLine(outcome, state, ctx.clock().instant(), text.form()));
                    io.out().flush();
                }
            });
            // the summary file for status bars, rewritten after each poll, removed when watch stops
            SummaryFile summary = new SummaryFile(ctx.dirs().data(), engine.poller()::states, ctx.clock());
            engine.addListener(summary);
            engine.applyRetention();
            engine.reload().ifPresent(w -> io.err().println("tally: " + w));
            if (engine.accounts().isEmpty()) {
                io.err().println("tally: " + CliPhrase.WATCH_NOTHING.say());
                engine.close();
                summary.close();
                return Cli.NOT_ALL_FETCHED;
            }
            MetricsServer server = metricsAt == null ? null : serveMetrics(ctx, io, engine);
            if (metricsAt != null && server == null) {
                engine.close();
                summary.close();
                return Cli.NOT_ALL_FETCHED;
            }
            summary.write();
            int n = engine.accounts().size();
            io.err().println(n == 1 ? CliPhrase.WATCH_ONE.say() : CliPhrase.WATCH_MANY.say(n));
            io.err().flush();
            // accounts and keys changed meanwhile (tally accounts ..., tally keys set) are picked up; old history
            // is folded daily
            engine.startHousekeeping(housekeeping, Engine.CHECK_EVERY, (accounts, warning) -> {
                summary.write();
                synchronized (io.out()) {
                    warning.ifPresent(w -> io.err().println("tally: " + w));
                    io.err().println(accounts.size() == 1 ? CliPhrase.WATCH_ACCOUNTS_CHANGED_ONE.say(time(ctx))
                            : CliPhrase.WATCH_ACCOUNTS_CHANGED.say(time(ctx), accounts.size()));
                    io.err().flush();
                }
            });
            if (stopAfter != null) {
                stop.await(stopAfter, TimeUnit.SECONDS);
                finishPollsUnderWay(engine);
            } else {
                stop.await();
            }
            if (server != null) {
                server.close();
            }
            engine.close();
            summary.close();
            housekeeping.close();
            ctx.close();
            if (engineLock != null) {
                engineLock.close();
            }
            io.err().println(CliPhrase.WATCH_STOPPED.say());
            io.err().flush();
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the JVM is already on its way out, which is what we want
            }
        }
        return Cli.OK;
    }

    private java.net.InetSocketAddress metricsAt;
    private Optional<String> token = Optional.empty();

    /** The token in a file, without its trailing newline. */
    private static String readToken(java.nio.file.Path file) {
        String t;
        try {
            t = java.nio.file.Files.readString(file).strip();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new Cli.UsageError(CliPhrase.WATCH_TOKEN_UNREADABLE.say(file, e.getMessage()));
        }
        if (t.isEmpty() || t.chars().anyMatch(Character::isISOControl)) {
            throw new Cli.UsageError(CliPhrase.WATCH_TOKEN_ONE_LINE.say(file));
        }
        return t;
    }

    /** Starts the metrics server, or says why not and returns {@code null}. */
    private MetricsServer serveMetrics(AppContext ctx, Cli.Io io, Engine engine) {
        try {
            MetricsServer server = MetricsServer.start(metricsAt, () -> {
                java.time.Instant now = ctx.clock().instant();
                dev.tally.history.HistoryReader history = null;
                try {
                    history = ctx.history().reader();
                } catch (RuntimeException e) {
                    // the balances are still served; spend and runway need the history
                }
                dev.tally.history.HistoryReader h = history;
                return PrometheusText.render(engine.poller().states().stream()
                        .filter(s -> s.target().accountId() != null)
                        .map(s -> AccountMetrics.of(s, h, now)).toList());
            }, token);
            io.err().println(token.isPresent() ? CliPhrase.WATCH_METRICS_AT_TOKEN.say(server.url())
                    : CliPhrase.WATCH_METRICS_AT.say(server.url()));
            if (!server.address().getAddress().isLoopbackAddress() && token.isEmpty()) {
                io.err().println("tally: " + CliPhrase.WATCH_METRICS_OPEN.say(metrics));
            }
            return server;
        } catch (IOException e) {
            io.err().println("tally: " + CliPhrase.WATCH_NO_METRICS.say(metrics, e.getMessage()));
            return null;
        }
    }

    private static String time(AppContext ctx) {
        return TIME.format(ctx.clock().instant().atZone(ZoneId.systemDefault()));
    }

}
