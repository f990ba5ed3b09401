package dev.tally.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Tally keeps its files: OS-conventional folders (XDG on Linux, Application Support on macOS,
 * %APPDATA% on Windows), or everything under one folder when {@code TALLY_HOME} (or {@code --home}) is set.
 *
 * @param config accounts and settings
 * @param data   history database, logs, alert state
 */
public record AppDirs(Path config, Path data) {

    public static AppDirs resolve(String homeOverride, Map<String, String> env) {
        String home = homeOverride != null && !homeOverride.isBlank() ? homeOverride : env.get("TALLY_HOME");
        if (home != null && !home.isBlank()) {
            Path p = Path.of(home).toAbsolutePath();
            return new AppDirs(p, p);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path userHome = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String appData = env.getOrDefault("APPDATA", userHome.resolve("AppData/Roaming").toString());
            String local = env.getOrDefault("LOCALAPPDATA", appData);
            return new AppDirs(Path.of(appData, "Tally"), Path.of(local, "Tally"));
        }
        if (os.contains("mac")) {
            Path p = userHome.resolve("Library/Application Support/Tally");
            return new AppDirs(p, p);
        }
        Path config = xdg(env, "XDG_CONFIG_HOME", userHome.resolve(".config"));
        Path data = xdg(env, "XDG_DATA_HOME", userHome.resolve(".local/share"));
        return new AppDirs(config.resolve("tally"), data.resolve("tally"));
    }

    private static Path xdg(Map<String, String> env, String name, Path fallback) {
        String v = env.get(name);
        // the XDG spec says relative paths are invalid and must be ignored
        return v != null && !v.isBlank() && Path.of(v).isAbsolute() ? Path.of(v) : fallback;
    }

    public Path logDir() {
        return data.resolve("logs");
    }

    public Path historyDb() {
        return data.resolve("history.db");
    }
}
