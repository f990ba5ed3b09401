package dev.tally.cli;

import dev.tally.testing.ProviderHarness;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** Runs the real command line in-process with a private home folder, an env map and captured streams. */
public final class CliRunner {
    private final Path home;
    private final Map<String, String> env = new HashMap<>();
    private Clock clock = Clock.fixed(ProviderHarness.NOW, ZoneOffset.UTC);
    private String stdin = "";

    public record Result(int code, String out, String err) {
        public String all() {
            return out + err;
        }
    }

    public CliRunner(Path home) {
        this.home = home;
        env.put("TALLY_HOME", home.toString());
        // local times (tally history) the same on every machine; a test that wants another zone sets TZ
        env.put("TZ", "UTC");
        // the session the tests run in (its Secret Service, if any), unless a test gives its own
        for (String name : new String[] {"DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR"}) {
            String value = System.getenv(name);
            if (value != null) {
                env.put(name, value);
            }
        }
    }

    public CliRunner env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** Leaves {@code name} out of the environment (e.g. {@code TALLY_HOME}, to use the XDG folders instead). */
    public CliRunner without(String name) {
        env.remove(name);
        return this;
    }

    public CliRunner clock(Clock c) {
        this.clock = c;
        return this;
    }

    public CliRunner stdin(String text) {
        this.stdin = text;
        return this;
    }

    public Path home() {
        return home;
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new Cli.Io(Map.copyOf(env), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true), clock), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Every file under the home folder whose content contains {@code needle}. */
    public java.util.List<Path> filesContaining(String needle) {
        try (Stream<Path> files = Files.walk(home)) {
            return files.filter(Files::isRegularFile).filter(p -> {
                try {
                    return new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1).contains(needle);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
