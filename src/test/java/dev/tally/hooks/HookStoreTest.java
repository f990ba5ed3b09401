package dev.tally.hooks;

import dev.tally.testing.Slow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** hooks.json as several writers see it: each change is made on what the others saved, none is lost. */
class HookStoreTest {
    private static final int PER_WRITER = 15;

    @TempDir
    Path dir;

    /** A second process: adds {@code n} hooks named after {@code who}, one update each. */
    public static void main(String[] args) {
        HookStore store = new HookStore(Path.of(args[0]));
        System.out.print('w');
        System.out.flush();
        for (int i = 0; i < Integer.parseInt(args[2]); i++) {
            Hook h = new Hook("low_balance", List.of("/bin/echo", args[1] + "-" + i));
            store.update(now -> {
                List<Hook> all = new ArrayList<>(now);
                all.add(h);
                return all;
            });
        }
    }

    @Test
    @Slow
    void twoProcessesAddingAtOnceKeepEveryHook() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> writers = new ArrayList<>();
        for (String who : List.of("first", "second")) {
            writers.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    HookStoreTest.class.getName(), dir.toString(), who, Integer.toString(PER_WRITER))
                    .redirectErrorStream(true).start());
        }
        for (Process p : writers) {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "a writer finished");
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), out);
        }
        HookStore.Loaded loaded = new HookStore(dir).load();
        assertTrue(loaded.warning().isEmpty(), loaded.warning().toString());
        Set<String> seen = new HashSet<>();
        loaded.hooks().forEach(h -> seen.add(h.command().get(1)));
        assertEquals(2 * PER_WRITER, loaded.hooks().size(), "every hook of both writers is kept: " + seen);
        for (int i = 0; i < PER_WRITER; i++) {
            assertTrue(seen.contains("first-" + i) && seen.contains("second-" + i), "hook " + i + " of each writer");
        }
    }

    @Test
    void aChangeSeesWhatWasSavedJustBefore() {
        HookStore one = new HookStore(dir);
        HookStore other = new HookStore(dir);
        one.update(now -> List.of(new Hook("exhausted", List.of("/bin/true"))));
        HookStore.Change c = other.update(now -> {
            List<Hook> all = new ArrayList<>(now);
            all.add(new Hook("recovered", List.of("/bin/false")));
            return all;
        });
        assertEquals(1, c.before().size());
        assertEquals(List.of("exhausted", "recovered"), one.load().hooks().stream().map(Hook::event).toList());
    }

    @Test
    void aBrokenFileIsNeitherChangedNorReplaced() throws Exception {
        Path file = dir.resolve(HookStore.FILE_NAME);
        Files.writeString(file, "{ this is not json");
        HookStore store = new HookStore(dir);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> store.update(now -> List.of(new Hook("exhausted", List.of("/bin/true")))));
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
        assertEquals("{ this is not json", Files.readString(file), "the user's file is untouched");
    }

    @Test
    void aChangeThatRefusesChangesNothing() {
        HookStore store = new HookStore(dir);
        store.update(now -> List.of(new Hook("exhausted", List.of("/bin/true"))));
        assertThrows(IllegalArgumentException.class, () -> store.update(now -> {
            throw new IllegalArgumentException("there is no hook 7");
        }));
        assertEquals(1, store.load().hooks().size());
    }
}
