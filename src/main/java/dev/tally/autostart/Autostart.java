package dev.tally.autostart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Starts Tally when the user logs in, through the OS's own mechanism.
 *
 * <p><b>Threads:</b> {@link #isSupported()} and {@link #describe()} are cheap and never block or throw;
 * {@link #isEnabled()}, {@link #enable} and {@link #disable()} touch files or the registry and may block, so call
 * them off the UI thread. Implementations are stateless and thread-safe.
 *
 * <p><b>Nulls:</b> no argument may be null.
 */
public interface Autostart {

    /** Whether this OS has a start-at-login mechanism Tally can use. Never throws, never blocks. */
    boolean isSupported();

    /**
     * For people: where the entry lives (e.g. {@code ~/.config/autostart/tally.desktop}) when supported, else why
     * starting at login is not available. Never throws, never blocks.
     */
    String describe();

    /** Whether the entry exists and is active. Blocking; never throws: {@code false} when it cannot tell. */
    boolean isEnabled();

    /**
     * Creates or replaces the entry so that {@code command} runs at login.
     *
     * @param command program and arguments, e.g. {@code [/opt/tally/bin/tally]} or {@code [java, -jar, tally.jar]}
     * @throws IllegalArgumentException if the command is empty or has an argument no launcher can carry (a line break)
     * @throws IOException              with a message a user can act on, when the entry could not be written
     */
    void enable(List<String> command) throws IOException;

    /** Removes the entry; removing one that is not there is not an error. @throws IOException when it could not be removed */
    void disable() throws IOException;

    /** The mechanism for the OS this JVM runs on, reading {@code XDG_CONFIG_HOME} etc. from {@code env}. */
    static Autostart forCurrentOs(Map<String, String> env) {
        return forOs(System.getProperty("os.name", ""), env, Path.of(System.getProperty("user.home")));
    }

    /** The mechanism for {@code osName} (as in the {@code os.name} property) with this environment and home folder. */
    static Autostart forOs(String osName, Map<String, String> env, Path userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return WindowsRunKey.system(env);
        }
        if (os.contains("mac") || os.contains("darwin")) {
            return new LaunchAgent(userHome.resolve("Library/LaunchAgents"));
        }
        if (os.contains("linux") || os.contains("bsd") || os.contains("sunos")) {
            return XdgAutostart.fromEnv(env, userHome);
        }
        return new NoAutostart(AutostartPhrase.NOT_AVAILABLE.say(osName));
    }

    /** {@code path} with the user's home folder written as {@code ~}, for messages. Never throws. */
    static String shortPath(Path path) {
        try {
            Path home = Path.of(System.getProperty("user.home"));
            return path.startsWith(home) ? "~/" + home.relativize(path).toString().replace('\\', '/') : path.toString();
        } catch (RuntimeException e) {
            return path.toString();
        }
    }

    /** @throws IllegalArgumentException unless the command has a program and no argument with a line break or NUL */
    static List<String> checked(List<String> command) {
        if (command.isEmpty() || command.getFirst().isBlank()) {
            throw new IllegalArgumentException("no command to start Tally with");
        }
        for (String arg : command) {
            if (arg.indexOf('\n') >= 0 || arg.indexOf('\r') >= 0 || arg.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("a start-at-login command cannot contain a line break");
            }
        }
        return List.copyOf(command);
    }
}
