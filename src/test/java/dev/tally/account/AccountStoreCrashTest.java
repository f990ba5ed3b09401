package dev.tally.account;

import dev.tally.testing.Slow;
import dev.tally.core.ProviderId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An interrupted write leaves the old file intact: a child JVM rewrites accounts.json in a loop and is
 * killed (SIGKILL) at random moments; every time, the file that is left loads completely — the old list
 * or the new one, never a torn mix and never a "kept aside" corrupt file.
 */
@Slow
class AccountStoreCrashTest {
    static final int SMALL = 1;
    static final int LARGE = 3000;

    @TempDir
    Path dir;

    /** The child: alternates between a 1-account and a 3000-account file as fast as it can. */
    public static void main(String[] args) {
        AccountStore store = new AccountStore(Path.of(args[0]), Clock.systemUTC());
        List<Account> small = accounts(SMALL);
        List<Account> large = accounts(LARGE);
        System.out.println("writing");
        System.out.flush();
        for (long i = 0; ; i++) {
            store.save(i % 2 == 0 ? large : small);
        }
    }

    static List<Account> accounts(int n) {
        List<Account> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Account("deepseek-" + i, ProviderId.of("deepseek"), "DeepSeek account number " + i, null, null,
                    null, null, 5));
        }
        return out;
    }

    @Test
    void killedMidWriteLeavesAWholeFile() throws Exception {
        AccountStore store = new AccountStore(dir, Clock.systemUTC());
        store.save(accounts(SMALL));
        Random random = new Random(11);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int round = 0; round < 6; round++) {
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    AccountStoreCrashTest.class.getName(), dir.toString()).redirectErrorStream(true).start();
            assertEquals('w', p.getInputStream().read(), "child started writing");
            Thread.sleep(150 + random.nextInt(400));
            p.destroyForcibly();
            assertTrue(p.waitFor(10, TimeUnit.SECONDS));
            AccountStore.Loaded loaded = store.load();
            assertTrue(loaded.warning().isEmpty(), "round " + round + ": " + loaded.warning());
            int n = loaded.accounts().size();
            assertTrue(n == SMALL || n == LARGE, "round " + round + ": a whole list, got " + n);
        }
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().contains("corrupt")));
        }
    }
}
