package dev.tally.secret;

import dev.tally.testing.ProviderHarness;
import dev.tally.testing.Scripts;
import dev.tally.testing.Slow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Key commands as real processes: helper scripts written here play the password manager. */
@Slow
class KeyCommandRunnerTest {
    private static final String KEY = "sk-cmd-9f8e7d6c5b4a39281706";

    @TempDir
    Path dir;

    private final Map<String, String> env = Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"),
            "HOME", "/nonexistent-home", "DEEPSEEK_API_KEY", ProviderHarness.CANARY, "OP_SESSION_x", "op-session");

    private KeyCommandRunner runner(Duration timeout) {
        return new KeyCommandRunner(env, timeout);
    }

    private KeyCommandRunner.Result run(String body) {
        return runner(Duration.ofSeconds(10)).run(List.of(Scripts.write(dir, "helper", body).toString()));
    }

    @Test
    void whatTheCommandPrintsIsTheKeyWithoutItsTrailingNewline() {
        var r = assertInstanceOf(KeyCommandRunner.Printed.class, run("printf '%s\\n' '" + KEY + "'"));
        assertEquals(KEY, r.key().reveal());
        var noNewline = assertInstanceOf(KeyCommandRunner.Printed.class, run("printf '%s' '" + KEY + "'"));
        assertEquals(KEY, noNewline.key().reveal());
    }

    @Test
    void argumentsArePassedAsTheyAreWithoutAShell() {
        Path helper = Scripts.write(dir, "echoer", "printf '%s' \"$1\"");
        var r = assertInstanceOf(KeyCommandRunner.Printed.class,
                runner(Duration.ofSeconds(10)).run(List.of(helper.toString(), "sk-$HOME-*-`id`")));
        assertEquals("sk-$HOME-*-`id`", r.key().reveal(), "no expansion of $, * or backticks");
    }

    @Test
    void standardInputIsClosedAndTheEnvironmentIsMinimal() throws Exception {
        Path seen = dir.resolve("env.txt");
        var r = run("cat > " + dir.resolve("stdin.txt") + "; env > " + seen + "; printf '" + KEY + "'");
        assertInstanceOf(KeyCommandRunner.Printed.class, r, "a helper reading stdin gets end-of-file at once");
        assertEquals("", Files.readString(dir.resolve("stdin.txt")));
        String environment = Files.readString(seen);
        assertFalse(environment.contains(ProviderHarness.CANARY), "no provider key variable reaches the command");
        assertFalse(environment.contains("DEEPSEEK_API_KEY"));
        assertTrue(environment.contains("OP_SESSION_x=op-session"), "1Password's session variables are passed on");
        assertTrue(environment.contains("HOME=/nonexistent-home"));
    }

    @Test
    void aCommandThatHangsIsStoppedAfterTheTimeout() throws Exception {
        Path pid = dir.resolve("pid");
        Path helper = Scripts.write(dir, "hang", "echo $$ > " + pid + "; sleep 600; echo never");
        long start = System.nanoTime();
        var r = assertInstanceOf(KeyCommandRunner.Failed.class, runner(Duration.ofSeconds(1)).run(List.of(helper.toString())));
        assertTrue(r.timedOut());
        assertTrue(r.message().contains("did not finish within 1 s"), r.message());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(60)) < 0,
                "it did not wait for the sleep");
        long p = Long.parseLong(Files.readString(pid).strip());
        assertFalse(ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false), "the helper was killed");
    }

    @Test
    void aFailingCommandShowsARedactedExcerptOfItsErrorOutput() {
        var r = assertInstanceOf(KeyCommandRunner.Failed.class,
                run("echo 'error: item not found; last token " + ProviderHarness.CANARY + " rejected' >&2; "
                        + "echo 'second line' >&2; exit 3"));
        assertFalse(r.timedOut());
        assertTrue(r.message().contains("exit 3"), r.message());
        assertTrue(r.message().contains("item not found"), r.message());
        assertFalse(r.message().contains("CANARY"), r.message());
        assertFalse(r.message().contains("7f3a9c1e5b2d4f60"), r.message());
        assertFalse(r.message().contains("second line"), "only a short excerpt: " + r.message());
    }

    @Test
    void aSessionTokenOnStandardErrorIsRedactedToo() {
        var r = assertInstanceOf(KeyCommandRunner.Failed.class,
                run("echo 'bw: session eyJhbGciOiJIUzI1NiJ9abc123def456 expired' >&2; exit 1"));
        assertFalse(r.message().contains("eyJhbGciOiJIUzI1NiJ9abc123def456"), r.message());
        assertTrue(r.message().contains("expired"), r.message());
    }

    @Test
    void hugeOutputIsRefused() {
        var r = assertInstanceOf(KeyCommandRunner.Failed.class,
                run("head -c 200000 /dev/zero | tr '\\0' 'k'"));
        assertTrue(r.message().contains("more than 64 KB"), r.message());
        assertFalse(r.timedOut());
    }

    @Test
    void outputOfSeveralLinesOrNothingIsNotAKey() {
        var two = assertInstanceOf(KeyCommandRunner.Failed.class, run("printf 'sk-one\\nsk-two\\n'"));
        assertTrue(two.message().contains("more than one line"), two.message());
        assertFalse(two.message().contains("sk-one"), two.message());
        var none = assertInstanceOf(KeyCommandRunner.Failed.class, run("exit 0"));
        assertTrue(none.message().contains("printed nothing"), none.message());
    }

    @Test
    void aFailureIsSaidInTheReadersLanguageAndStaysEnglishForTheRecord() {
        var r = assertInstanceOf(KeyCommandRunner.Failed.class,
                runner(Duration.ofSeconds(5)).run(List.of(dir.resolve("no-such-helper").toString(), "x")));
        dev.tally.core.Language was = dev.tally.core.Messages.use(dev.tally.core.Language.SIMPLIFIED_CHINESE);
        try {
            assertEquals("无法启动密钥命令“no-such-helper”：找不到该程序（它不经 shell 运行：请把程序和参数分开填写，不在 PATH 中时写完整路径）",
                    r.message());
            var empty = assertInstanceOf(KeyCommandRunner.Failed.class, run("exit 0"));
            assertTrue(empty.message().endsWith("没有输出任何内容"), empty.message());
            assertTrue(dev.tally.core.Messages.inEnglish(r::message).startsWith("cannot start the key command 'no-such-helper'"),
                    "the same failure in English for logs and the history");
        } finally {
            dev.tally.core.Messages.use(was);
        }
    }

    @Test
    void aMissingProgramIsExplained() {
        var r = assertInstanceOf(KeyCommandRunner.Failed.class,
                runner(Duration.ofSeconds(5)).run(List.of(dir.resolve("no-such-helper").toString(), "x")));
        assertTrue(r.message().contains("cannot start"), r.message());
        assertTrue(r.message().contains("no-such-helper"), r.message());
    }
}
