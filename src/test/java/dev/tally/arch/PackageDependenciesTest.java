package dev.tally.arch;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The one-way arrows between the rooms (docs/architecture.md), read by {@code jdeps} from the compiled classes, so a
 * fully qualified name in the middle of a method counts as much as an import. Every package is in the table: a new
 * one fails here until its arrows are written down. A room is the first package below {@code dev.tally}
 * ({@code ui.settings} is part of {@code ui}).
 */
class PackageDependenciesTest {
    private static final Path CLASSES = Path.of("target/classes");

    /** Which rooms a room may use. Everything not listed is forbidden. */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("core", Set.of()),
            Map.entry("provider", Set.of("core")),
            Map.entry("account", Set.of("core", "provider")),
            Map.entry("secret", Set.of("core", "provider")),
            Map.entry("history", Set.of("core", "alert")),
            Map.entry("estimate", Set.of("core")),
            Map.entry("alert", Set.of("core", "status")),
            Map.entry("poll", Set.of("core", "provider", "account", "secret")),
            Map.entry("status", Set.of("core", "provider", "account", "poll", "estimate")),
            Map.entry("engine", Set.of("core", "provider", "account", "secret", "history", "poll", "alert", "estimate")),
            Map.entry("notify", Set.of("core")),
            Map.entry("autostart", Set.of("core")),
            Map.entry("tray", Set.of("core", "account", "poll", "status")),
            Map.entry("ui", Set.of("core", "provider", "account", "secret", "history", "poll", "status", "alert",
                    "notify", "autostart", "tray", "estimate")),
            Map.entry("hooks", Set.of("core", "alert")),
            Map.entry("metrics", Set.of("core", "provider", "account", "poll", "history")),
            Map.entry("app", Set.of("core", "provider", "account", "secret", "history", "poll", "alert", "status",
                    "engine", "hooks")),
            Map.entry("cli", Set.of("core", "provider", "account", "secret", "history", "poll", "alert", "status",
                    "engine", "app", "hooks", "metrics", "estimate")),
            Map.entry("desktop", Set.of("core", "provider", "account", "secret", "history", "poll", "alert", "status",
                    "engine", "app", "notify", "autostart", "tray", "ui", "estimate")),
            Map.entry("launcher", Set.of("cli", "desktop")));

    /** Libraries and JDK modules that only some rooms may touch: prefix of the package -> the rooms. */
    static final Map<String, Set<String>> CONFINED = Map.ofEntries(
            Map.entry("javafx.", Set.of("ui", "desktop")),
            Map.entry("atlantafx.", Set.of("ui")),
            Map.entry("org.controlsfx.", Set.of("ui")),
            Map.entry("java.awt", Set.of("tray", "ui")),
            Map.entry("javax.swing", Set.of()),
            Map.entry("picocli.", Set.of("cli")),
            Map.entry("java.sql", Set.of("history")),
            Map.entry("org.sqlite", Set.of("history")),
            Map.entry("java.net.http", Set.of("provider")),
            Map.entry("com.sun.net.httpserver", Set.of("metrics", "launcher")),
            Map.entry("com.github.javakeyring", Set.of("secret")),
            Map.entry("org.freedesktop.", Set.of("secret", "notify", "tray")));

    private static final Pattern EDGE = Pattern.compile("^\\s*(dev\\.tally\\.[\\w.]+)\\s+->\\s+([\\w.$]+)",
            Pattern.MULTILINE);
    private static Map<String, Set<String>> edges;

    @BeforeAll
    static void readClasses() {
        assumeTrue(Files.isDirectory(CLASSES.resolve("dev/tally")), "the main classes are compiled to " + CLASSES);
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElse(null);
        assumeTrue(jdeps != null, "this JDK has no jdeps tool");
        StringWriter out = new StringWriter();
        int code = jdeps.run(new PrintWriter(out), new PrintWriter(out), "-verbose:package", CLASSES.toString());
        assertEquals(0, code, out.toString());
        edges = new TreeMap<>();
        Matcher m = EDGE.matcher(out.toString());
        while (m.find()) {
            edges.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
        }
        assertTrue(edges.size() > 10, "jdeps listed the packages:\n" + out);
    }

    private static String room(String pkg) {
        String rest = pkg.substring("dev.tally.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    @Test
    void everyRoomUsesOnlyTheRoomsItMay() {
        List<String> bad = new ArrayList<>();
        for (var e : edges.entrySet()) {
            String from = room(e.getKey());
            Set<String> allowed = ALLOWED.get(from);
            if (allowed == null) {
                bad.add(e.getKey() + " is not in the table: write down which rooms it may use");
                continue;
            }
            for (String to : e.getValue()) {
                if (to.startsWith("dev.tally.") && !room(to).equals(from) && !allowed.contains(room(to))) {
                    bad.add(e.getKey() + " -> " + to);
                }
            }
        }
        assertEquals(List.of(), bad);
    }

    @Test
    void librariesStayInTheirRooms() {
        List<String> bad = new ArrayList<>();
        for (var e : edges.entrySet()) {
            String from = room(e.getKey());
            for (String to : e.getValue()) {
                for (var c : CONFINED.entrySet()) {
                    if (to.startsWith(c.getKey()) && !c.getValue().contains(from)) {
                        bad.add(e.getKey() + " -> " + to);
                    }
                }
            }
        }
        assertEquals(List.of(), bad);
    }

    /** Not only between rooms: no two packages anywhere in dev.tally depend on each other, directly or round about. */
    @Test
    void noPackageCycle() {
        Map<String, Set<String>> graph = new HashMap<>();
        edges.forEach((from, tos) -> graph.put(from, tos.stream().filter(t -> t.startsWith("dev.tally.")
                && !t.equals(from)).collect(java.util.stream.Collectors.toSet())));
        List<String> cycles = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (String start : new TreeSet<>(graph.keySet())) {
            findCycle(start, graph, new ArrayList<>(), done, cycles);
        }
        assertEquals(List.of(), cycles);
    }

    private static void findCycle(String node, Map<String, Set<String>> graph, List<String> path, Set<String> done,
                                  List<String> cycles) {
        int at = path.indexOf(node);
        if (at >= 0) {
            List<String> loop = new ArrayList<>(path.subList(at, path.size()));
            loop.add(node);
            cycles.add(String.join(" -> ", loop));
            return;
        }
        if (done.contains(node)) {
            return;
        }
        path.add(node);
        for (String next : new TreeSet<>(graph.getOrDefault(node, Set.of()))) {
            findCycle(next, graph, path, done, cycles);
        }
        path.removeLast();
        done.add(node);
    }
}
