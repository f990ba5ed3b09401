package dev.tally.cli;

import dev.tally.testing.Slow;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.account.Account;
import dev.tally.account.AccountStore;
import dev.tally.app.AppContext;
import dev.tally.app.AppDirs;
import dev.tally.engine.Engine;
import dev.tally.core.ProviderId;
import dev.tally.testing.ManualClock;
import dev.tally.testing.ManualScheduler;
import dev.tally.testing.MemorySecretStore;
import dev.tally.testing.ProviderHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several writers of accounts.json at once, as real processes: {@code tally accounts add} commands started together
 * (child JVMs on the test class path, each waiting for the same go signal), the command line beside the widget's own
 * writes and its engine, and a writer that never gets the lock. Nothing a writer reported as done is lost.
 */
@Slow
class ConcurrentWritersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    /** A child process: {@code hold-lock FILE} holds an OS lock on FILE until stdin closes; else {@code GO-FILE ARGS...}. */
    public static void main(String[] args) throws Exception {
        if (args[0].equals("hold-lock")) {
            try (FileChannel ch = FileChannel.open(Path.of(args[1]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 var lock = ch.lock()) {
                System.out.println("locked");
                System.out.flush();
                System.in.read();
            }
            return;
        }
        Path go = Path.of(args[0]);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(go) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = Cli.run(new Cli.Io(System.getenv(), System.in, out, err, Clock.systemUTC()),
                java.util.Arrays.copyOfRange(args, 1, args.length));
        System.exit(code);
    }

    private Process child(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                ConcurrentWritersTest.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("TALLY_HOME", home.toString());
        pb.environment().put("TALLY_KEYCHAIN", "off");
        return pb.start();
    }

    private record Ran(int code, String out, String err) {
    }

    private static Ran finish(Process p) throws Exception {
        p.getOutputStream().close();
        var out = java.util.concurrent.CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        var err = java.util.concurrent.CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child process did not end");
        return new Ran(p.exitValue(), out.get(), err.get());
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private List<String> idsOnDisk() throws Exception {
        JsonNode root = JSON.readTree(Files.readString(home.resolve("accounts.json")));
        List<String> ids = new ArrayList<>();
        root.get("accounts").forEach(a -> ids.add(a.get("id").asText()));
        return ids;
    }

    @Test
    void accountsAddedAtTheSameTimeAreAllKeptAndAClashingLabelIsRefused() throws Exception {
        Path go = home.resolve("go");
        List<Process> children = new ArrayList<>();
        for (String label : List.of("alpha", "beta", "gamma", "delta", "twin", "twin")) {
            children.add(child(go.toString(), "accounts", "add", "--provider", "deepseek", "--label", label));
        }
        Thread.sleep(2000); // let the JVMs start; they all wait for the same go signal
        Files.createFile(go);
        List<Ran> results = new ArrayList<>();
        for (Process p : children) {
            results.add(finish(p));
        }

        Set<String> printedIds = new HashSet<>();
        int refused = 0;
        for (Ran r : results) {
            if (r.code() == 0) {
                assertTrue(r.err().contains("Added "), r.err());
                printedIds.add(r.out().strip());
            } else {
                refused++;
                assertEquals(2, r.code(), r.err());
                assertTrue(r.err().contains("there is already a DeepSeek account labelled 'DeepSeek (twin)'"), r.err());
            }
        }
        assertEquals(1, refused, "exactly one of the two 'twin' adds is refused: " + results);
        assertEquals(5, printedIds.size(), "every success printed its own id: " + results);
        assertEquals(printedIds, new HashSet<>(idsOnDisk()), "every account reported as added is in the file");

        CliRunner.Result list = new CliRunner(home).env("TALLY_KEYCHAIN", "off").run("accounts", "list");
        for (String id : printedIds) {
            assertTrue(list.out().contains(id + "  "), list.out());
        }
    }

    @Test
    void theCommandLineAndTheWidgetWriteAtTheSameTimeAndTheEngineSeesEveryAccount() throws Exception {
        Path go = home.resolve("go");
        List<Process> children = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            children.add(child(go.toString(), "accounts", "add", "--provider", "openrouter", "--label", "cli" + i));
        }
        Thread.sleep(2000);
        ManualClock clock = new ManualClock(ProviderHarness.NOW);
        MemorySecretStore keychain = new MemorySecretStore();
        try (AppContext ctx = new AppContext(new AppDirs(home, home), Map.of(), clock, keychain);
             Engine engine = new Engine(ctx.engineServices(), alert -> { }, new ManualScheduler(clock), Runnable::run)) {
            AccountStore widget = ctx.accounts();
            Files.createFile(go);
            // meanwhile the widget's settings dialog adds accounts of its own, one save after another
            for (int i = 0; i < 10; i++) {
                String id = "moonshot-widget" + i;
                String label = "Moonshot widget" + i;
                widget.update(now -> {
                    List<Account> next = new ArrayList<>(now);
                    next.add(new Account(id, ProviderId.of("moonshot"), label, null, null, null, null, 5));
                    return next;
                });
            }
            List<String> cliIds = new ArrayList<>();
            for (Process p : children) {
                Ran r = finish(p);
                assertEquals(0, r.code(), r.err());
                cliIds.add(r.out().strip());
            }
            List<String> onDisk = idsOnDisk();
            assertEquals(13, onDisk.size(), "nothing lost: " + onDisk);
            assertTrue(onDisk.containsAll(cliIds), onDisk.toString());
            for (int i = 0; i < 10; i++) {
                assertTrue(onDisk.contains("moonshot-widget" + i), onDisk.toString());
            }
            engine.reload();
            assertEquals(new HashSet<>(onDisk), new HashSet<>(engine.accounts().stream().map(Account::id).toList()),
                    "the engine polls every account, whoever added it");
        }
    }

    @Test
    void aWriterThatCannotGetTheLockSaysSoAndChangesNothing() throws Exception {
        CliRunner cli = new CliRunner(home).env("TALLY_KEYCHAIN", "off");
        assertEquals(0, cli.run("accounts", "add", "--provider", "deepseek", "--label", "work").code());
        byte[] before = Files.readAllBytes(home.resolve("accounts.json"));

        Process holder = child("hold-lock", home.resolve("accounts.json.lock").toString());
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", r.readLine(), "the other process holds the lock");

            CliRunner.Result add = cli.run("accounts", "add", "--provider", "deepseek", "--label", "blocked");
            assertEquals(1, add.code(), add.all());
            assertTrue(add.err().contains("could not change " + home.resolve("accounts.json")), add.err());
            assertTrue(add.err().contains("kept it locked for 5 s; nothing was changed — try again"), add.err());
            assertFalse(add.err().contains("Added"), add.err());
            assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(home.resolve("accounts.json"))), "unchanged");
        } finally {
            holder.getOutputStream().close();
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
        }
        CliRunner.Result after = cli.run("accounts", "add", "--provider", "deepseek", "--label", "later");
        assertEquals(0, after.code(), "the lock is free again once the other writer is done: " + after.all());
        assertEquals(2, idsOnDisk().size());
    }
}
