package dev.tally.autostart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The freedesktop autostart entry {@code $XDG_CONFIG_HOME/autostart/tally.desktop} (default
 * {@code ~/.config/autostart}), honoured by GNOME, KDE, XFCE, Cinnamon, MATE, LXQt and most other Linux desktops.
 * {@code Exec=} is written with the Desktop Entry quoting rules, so paths with spaces, quotes, {@code $} or
 * {@code %} survive. An entry switched off in the desktop's own settings ({@code Hidden=true} or
 * {@code X-GNOME-Autostart-enabled=false}) counts as disabled. Thread-safe.
 */
public final class XdgAutostart implements Autostart {
    public static final String FILE_NAME = "tally.desktop";
    /** Characters that make the Desktop Entry spec require an argument to be quoted. */
    private static final String RESERVED = " \t\"'\\><~|&;$*?#()`";

    private final Path dir;

    /** @param autostartDir the {@code autostart} folder, e.g. {@code ~/.config/autostart} */
    public XdgAutostart(Path autostartDir) {
        this.dir = autostartDir;
    }

    /** Uses {@code XDG_CONFIG_HOME} when it is an absolute path (the spec says to ignore relative ones), else {@code ~/.config}. */
    public static XdgAutostart fromEnv(Map<String, String> env, Path userHome) {
        String v = env.get("XDG_CONFIG_HOME");
        Path config = v != null && !v.isBlank() && Path.of(v).isAbsolute() ? Path.of(v) : userHome.resolve(".config");
        return new XdgAutostart(config.resolve("autostart"));
    }

    public Path file() {
        return dir.resolve(FILE_NAME);
    }

    @Override
    public boolean isSupported() {
        return true;
    }

    @Override
    public String describe() {
        return AutostartPhrase.XDG_ENTRY.say(Autostart.shortPath(file()));
    }

    @Override
    public boolean isEnabled() {
        try {
            List<String> lines = Files.readAllLines(file(), StandardCharsets.UTF_8);
            return lines.stream().map(String::strip).noneMatch(l -> l.equalsIgnoreCase("Hidden=true")
                    || l.equalsIgnoreCase("X-GNOME-Autostart-enabled=false"));
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void enable(List<String> command) throws IOException {
        String exec = exec(Autostart.checked(command));
        String entry = """
                [Desktop Entry]
                Type=Application
                Name=Tally
                Comment=What is left on your LLM API accounts
                Exec=%s
                Terminal=false
                Categories=Utility;
                X-GNOME-Autostart-enabled=true
                """.formatted(exec);
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".tally", ".tmp");
            try {
                Files.writeString(tmp, entry, StandardCharsets.UTF_8);
                Files.move(tmp, file(), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new IOException("could not write " + file() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void disable() throws IOException {
        try {
            Files.deleteIfExists(file());
        } catch (IOException e) {
            throw new IOException("could not remove " + file() + ": " + e.getMessage(), e);
        }
    }

    /** The {@code Exec=} value: each argument quoted if needed, then escaped as a Desktop Entry string. */
    static String exec(List<String> command) {
        return command.stream().map(XdgAutostart::quote).map(XdgAutostart::escapeString).collect(Collectors.joining(" "));
    }

    private static String quote(String arg) {
        String a = arg.replace("%", "%%");
        if (!a.isEmpty() && a.chars().noneMatch(c -> RESERVED.indexOf(c) >= 0)) {
            return a;
        }
        StringBuilder sb = new StringBuilder("\"");
        for (char c : a.toCharArray()) {
            if (c == '"' || c == '`' || c == '$' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }

    /** The string-value escape, applied after quoting: a backslash is written as two. */
    private static String escapeString(String s) {
        return s.replace("\\", "\\\\");
    }
}
