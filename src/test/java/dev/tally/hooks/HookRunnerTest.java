package dev.tally.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.alert.Alert;
import dev.tally.alert.AlertRules;
import dev.tally.alert.Transition;
import dev.tally.core.FetchError;
import dev.tally.core.Money;
import dev.tally.testing.ProviderHarness;
import dev.tally.testing.Scripts;
import dev.tally.testing.Slow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hooks as real processes: a script records what it received. */
@Slow
class HookRunnerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2026-11-22T05:00:00Z");

    @TempDir
    Path dir;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final Map<String, String> env = Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"),
            "DEEPSEEK_API_KEY", ProviderHarness.CANARY, "OP_SESSION_x", "op-session");

    private HookRunner runner(Duration timeout) {
        return new HookRunner(env, timeout, log::add);
    }

    private Path recorder() {
        return Scripts.write(dir, "record", "cat > " + dir.resolve("stdin.json") + "; env > " + dir.resolve("env.txt")
                + "; echo \"recorded $TALLY_EVENT\"; echo run >> " + dir.resolve("runs"));
    }

    @Test
    void theHookGetsTheEventAsJsonAndVariablesAndNeverAKey() throws Exception {
        HookEvent e = HookEvent.of(new Alert.LowBalance("ds", "DeepSeek", Money.of("4.20", "CNY"), Money.of("5.00", "CNY")),
                "deepseek", AT);
        assertEquals(HookRunner.Ending.OK, runner(Duration.ofSeconds(10)).run(new Hook("low_balance",
                List.of(recorder().toString())), e));
        JsonNode in = JSON.readTree(Files.readString(dir.resolve("stdin.json")));
        assertEquals("low_balance", in.get("event").asText());
        assertEquals("ds", in.get("account").asText());
        assertEquals("deepseek", in.get("provider").asText());
        assertEquals("CNY", in.get("currency").asText());
        assertEquals("4.20", in.get("amount").asText(), "exact decimal text");
        assertEquals("5.00", in.get("threshold").asText());
        assertEquals("2026-11-22T05:00:00Z", in.get("at").asText());
        String vars = Files.readString(dir.resolve("env.txt"));
        for (String v : List.of("TALLY_EVENT=low_balance", "TALLY_ACCOUNT=ds", "TALLY_PROVIDER=deepseek",
                "TALLY_CURRENCY=CNY", "TALLY_AMOUNT=4.20", "TALLY_THRESHOLD=5.00")) {
            assertTrue(vars.lines().anyMatch(v::equals), v + " in\n" + vars);
        }
        for (String received : List.of(vars, Files.readString(dir.resolve("stdin.json")))) {
            assertFalse(received.contains(ProviderHarness.CANARY), "no key reaches a hook");
            assertFalse(received.contains("DEEPSEEK_API_KEY"));
            assertFalse(received.contains("op-session"), "nor a password manager's session");
        }
        assertTrue(log.stream().anyMatch(l -> l.contains("says: recorded low_balance")), "its output is logged: " + log);
    }

    @Test
    void anEstimateIsItsOwnEventCarryingTheEstimate() {
        HookEvent low = HookEvent.of(new Alert.EstimateLow("oa", "OpenAI", Money.of("4.00", "USD"),
                Money.of("10.00", "USD")), "openai", AT);
        assertEquals("estimate_low", low.event(), "never told as a reported low balance");
        assertEquals("4.00", low.amount());
        assertEquals("10.00", low.threshold());
        assertTrue(low.message().contains("estimate"), low.message());
        HookEvent usedUp = HookEvent.of(new Alert.EstimateUsedUp("oa", "OpenAI"), "openai", AT);
        assertEquals("estimate_used_up", usedUp.event());
        assertTrue(HookEvent.EVENTS.containsAll(List.of("estimate_low", "estimate_used_up")),
                "a hook can be added for them");
    }

    @Test
    void aHookThatHangsIsKilled() throws Exception {
        Path pid = dir.resolve("pid");
        Path hang = Scripts.write(dir, "hang", "echo $$ > " + pid + "; sleep 600");
        HookEvent e = HookEvent.of(new Alert.Exhausted("ds", "DeepSeek", "CNY"), "deepseek", AT);
        assertEquals(HookRunner.Ending.TIMED_OUT, runner(Duration.ofSeconds(1)).run(new Hook("exhausted",
                List.of(hang.toString())), e));
        long p = Long.parseLong(Files.readString(pid).strip());
        assertFalse(ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false), "the hook was killed");
        assertTrue(log.stream().anyMatch(l -> l.contains("did not finish within 1 s")), log.toString());
    }

    @Test
    void theDispatcherRunsEachMatchingHookOncePerEventAndGoesOnAfterAFailingOne() throws Exception {
        HookStore store = new HookStore(dir);
        store.save(List.of(new Hook("fetch_failed", List.of(Scripts.write(dir, "fails", "echo oops >&2; exit 3").toString())),
                new Hook("fetch_failed", List.of(recorder().toString())),
                new Hook("low_balance", List.of(Scripts.write(dir, "other-hook", "echo other >> " + dir.resolve("other")).toString())),
                new Hook("fetch_failed", List.of(dir.resolve("not-there").toString()))));
        HookDispatcher d = new HookDispatcher(store, runner(Duration.ofSeconds(10)), Clock.fixed(AT, ZoneOffset.UTC));
        d.raised("deepseek", new AlertRules.Result(List.of(), List.of(new Transition.FetchFailed("ds", "DeepSeek", 3,
                new FetchError.NetworkError("connection refused")))));
        d.close(30);
        assertEquals(1, Scripts.count(dir.resolve("runs")), "one run per event");
        assertFalse(Files.exists(dir.resolve("other")), "hooks of other events do not run");
        JsonNode in = JSON.readTree(Files.readString(dir.resolve("stdin.json")));
        assertEquals("fetch_failed", in.get("event").asText());
        assertTrue(in.get("message").asText().contains("3 checks in a row failed"), in.toString());
        assertTrue(in.get("amount").isNull());
        assertTrue(log.stream().anyMatch(l -> l.contains("failed (exit 3)")), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.contains("says: oops")), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.contains("cannot start")), log.toString());
    }

    @Test
    void aBrokenHooksFileRunsNothingAndSaysWhy() throws Exception {
        Files.writeString(dir.resolve("hooks.json"), "{\"version\":1,\"hooks\":[{\"event\":\"low_money\",\"command\":[\"x\"]}]}");
        HookStore.Loaded loaded = new HookStore(dir).load();
        assertTrue(loaded.hooks().isEmpty());
        assertFalse(loaded.writable());
        assertTrue(loaded.warning().orElseThrow().contains("'low_money' is not an event"), loaded.warning().toString());
    }
}
