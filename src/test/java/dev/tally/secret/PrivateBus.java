package dev.tally.secret;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A throwaway D-Bus session bus for tests, optionally with its own gnome-keyring daemon, in a folder of its
 * own. Its configuration lists no service folders, so nothing is started on demand: a bus without a keyring
 * daemon stays without one even where gnome-keyring is installed. Ends every process it started.
 */
public final class PrivateBus implements AutoCloseable {
    private final Path dir;
    private final Process bus;
    private final String address;
    private Process keyring;

    private PrivateBus(Path dir, Process bus, String address) {
        this.dir = dir;
        this.bus = bus;
        this.address = address;
    }

    /** Skips the calling test (with a message) when dbus-daemon is not installed. */
    public static PrivateBus start(Path dir) throws IOException, InterruptedException {
        assumeTrue(onPath("dbus-daemon"), "dbus-daemon is not installed, so there is no private bus to test against");
        Path socket = dir.resolve("bus");
        Path config = dir.resolve("bus.conf");
        Files.writeString(config, """
                <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
                 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
                <busconfig>
                  <type>session</type>
                  <listen>unix:path=%s</listen>
                  <auth>EXTERNAL</auth>
                  <policy context="default">
                    <allow send_destination="*" eavesdrop="true"/>
                    <allow eavesdrop="true"/>
                    <allow own="*"/>
                  </policy>
                </busconfig>
                """.formatted(socket));
        Process process = new ProcessBuilder("dbus-daemon", "--config-file=" + config, "--nofork", "--print-address")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        String address;
        try {
            address = line.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            address = null;
        }
        if (address == null || address.isBlank()) {
            process.destroy();
            throw new IllegalStateException("dbus-daemon did not print its address");
        }
        return new PrivateBus(dir, process, address.strip());
    }

    /** The environment a process on this bus sees: the bus address and this bus's own XDG folders. */
    public Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("DBUS_SESSION_BUS_ADDRESS", address);
        env.put("XDG_RUNTIME_DIR", dir.resolve("run").toString());
        env.put("XDG_DATA_HOME", dir.resolve("data").toString());
        env.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        return env;
    }

    /**
     * Starts gnome-keyring's Secret Service on this bus and waits until it owns org.freedesktop.secrets.
     * With a password it creates and unlocks the "login" keyring (if the folder has none yet); without one
     * it only unlocks nothing, so an existing keyring stays locked and a fresh folder has no default collection.
     * Skips the calling test when gnome-keyring is not installed.
     */
    public void startKeyring(String password) throws IOException, InterruptedException {
        assumeTrue(onPath("gnome-keyring-daemon"), "gnome-keyring is not installed");
        for (String sub : List.of("run", "data", "config")) {
            Path folder = Files.createDirectories(dir.resolve(sub));
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
        ProcessBuilder pb = new ProcessBuilder(password == null
                ? List.of("gnome-keyring-daemon", "--foreground", "--components=secrets")
                : List.of("gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"));
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.environment().putAll(env());
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        keyring = pb.start();
        if (password != null) {
            keyring.getOutputStream().write(password.getBytes(StandardCharsets.UTF_8));
        }
        keyring.getOutputStream().close();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!secretsOwned()) {
            if (System.nanoTime() > deadline || !keyring.isAlive()) {
                throw new IllegalStateException("gnome-keyring-daemon did not take org.freedesktop.secrets");
            }
            Thread.sleep(50);
        }
    }

    /** Ends the keyring daemon started by {@link #startKeyring}, keeping its files. */
    public void stopKeyring() throws IOException, InterruptedException {
        if (keyring != null) {
            keyring.destroy();
            keyring.waitFor(5, TimeUnit.SECONDS);
            keyring = null;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (secretsOwned() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private boolean secretsOwned() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("dbus-send", "--bus=" + address, "--print-reply",
                "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner",
                "string:org.freedesktop.secrets")
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(5, TimeUnit.SECONDS);
        return out.contains("boolean true");
    }

    public static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String entry : path.split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, program))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        try {
            stopKeyring();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            bus.destroy();
            try {
                bus.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
