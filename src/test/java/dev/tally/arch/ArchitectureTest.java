package dev.tally.arch;

import dev.tally.provider.ProviderCatalog;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The rules that keep the rooms separate (architecture.md §2), checked by scanning imports of the main sources:
 * only {@code ui} (and the desktop shell) touches JavaFX; only {@code tray} (and the toast's headless check in
 * {@code ui}) touches AWT; the engine, the composition root, the launcher and the command line touch neither; no provider {@code switch} outside the provider package; every package says what
 * it owns.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/dev/tally");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final List<String> HEADLESS = List.of("core", "provider", "account", "secret", "history", "poll",
            "alert", "cli", "autostart", "engine", "app", "launcher", "notify", "status");

    private static Map<Path, String> sources() throws IOException {
        Map<Path, String> out = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                out.put(p, Files.readString(p));
            }
        }
        return out;
    }

    private static String pkg(Path file) {
        return MAIN.relativize(file).getName(0).toString();
    }

    @Test
    void engineAndCommandLineImportNoToolkit() throws IOException {
        List<String> bad = new ArrayList<>();
        for (var e : sources().entrySet()) {
            if (!HEADLESS.contains(pkg(e.getKey()))) {
                continue;
            }
            Matcher m = IMPORT.matcher(e.getValue());
            while (m.find()) {
                String imp = m.group(2);
                if (imp.startsWith("javafx.") || imp.startsWith("java.awt.") || imp.startsWith("javax.swing.")
                        || imp.startsWith("dev.tally.ui.") || imp.startsWith("dev.tally.tray.")) {
                    bad.add(MAIN.relativize(e.getKey()) + " imports " + imp);
                }
            }
        }
        assertEquals(List.of(), bad);
    }

    @Test
    void onlyUiAndTheDesktopShellTouchJavaFx() throws IOException {
        List<String> bad = new ArrayList<>();
        for (var e : sources().entrySet()) {
            String p = pkg(e.getKey());
            if (p.equals("ui") || p.equals("desktop")) {
                continue;
            }
            if (e.getValue().contains("import javafx.")) {
                bad.add(MAIN.relativize(e.getKey()).toString());
            }
        }
        assertEquals(List.of(), bad);
    }

    @Test
    void noProviderSwitchOutsideTheProviderPackage() throws IOException {
        String ids = ProviderCatalog.standard().all().stream().map(i -> Pattern.quote(i.id().value()))
                .collect(java.util.stream.Collectors.joining("|"));
        Pattern providerSwitch = Pattern.compile("case\\s+\"(" + ids + ")\"");
        List<String> bad = new ArrayList<>();
        for (var e : sources().entrySet()) {
            if (!pkg(e.getKey()).equals("provider") && providerSwitch.matcher(e.getValue()).find()) {
                bad.add(MAIN.relativize(e.getKey()).toString());
            }
        }
        assertEquals(List.of(), bad);
    }

    @Test
    void everyPackageSaysWhatItOwns() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> dirs = Files.walk(MAIN)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                boolean hasJava;
                try (Stream<Path> f = Files.list(d)) {
                    hasJava = f.anyMatch(x -> x.toString().endsWith(".java"));
                }
                if (hasJava && !Files.exists(d.resolve("package-info.java"))) {
                    missing.add(MAIN.relativize(d).toString());
                }
            }
        }
        assertEquals(List.of(), missing);
    }
}
